package dev.kerasview.convert;

/** The layout of the weights file written beside a JSON architecture. */
public enum WeightsFormat {
    /** Keras 2 {@code save_weights} layout ({@code <stem>_weights.h5}), loaded by layer order. */
    LEGACY,
    /** Keras 3 layout ({@code <stem>.weights.h5}), loaded by object path. */
    KERAS
}
