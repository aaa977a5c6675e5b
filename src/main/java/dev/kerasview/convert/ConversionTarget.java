package dev.kerasview.convert;

/** What a conversion produces. */
public enum ConversionTarget {
    /** A legacy full-model HDF5 file ({@code model.save("x.h5")}). */
    H5,
    /** A {@code to_json()} architecture file plus a weights file. */
    JSON,
    /** A Keras 3 {@code .keras} archive as Keras 3.15.1 writes it. */
    KERAS
}
