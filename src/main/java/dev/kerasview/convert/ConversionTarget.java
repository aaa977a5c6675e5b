package dev.kerasview.convert;

/** What a conversion produces. */
public enum ConversionTarget {
    /** A legacy full-model HDF5 file ({@code model.save("x.h5")}). */
    H5,
    /** A {@code to_json()} architecture file plus a weights file. */
    JSON
}
