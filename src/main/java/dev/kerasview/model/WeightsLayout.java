package dev.kerasview.model;

/** How the weights of a model file are laid out. */
public enum WeightsLayout {
    /** Keras 3 object-path layout: {@code <path>/vars/0..n-1} (model.weights.h5, *.weights.h5). */
    KERAS3,
    /** Legacy layout: {@code layer_names} / {@code weight_names} attributes, order-based. */
    LEGACY,
    /** Pickle-based {@code model.weights.npz}: recognised, never parsed. */
    NPZ,
    /** No weights at all (architecture only, or the weights store is missing). */
    NONE
}
