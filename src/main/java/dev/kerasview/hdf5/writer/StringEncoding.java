package dev.kerasview.hdf5.writer;

/** How a string attribute is stored: variable-length (global heap) or fixed-length, and its character set. */
public enum StringEncoding {
    /** Variable-length, ASCII character set (h5py writes Python bytes this way). */
    VLEN_ASCII,
    /** Variable-length, UTF-8 character set (h5py writes Python str this way). */
    VLEN_UTF8,
    /** Fixed-length, NULL-padded ASCII, as h5py 2.x and Keras's chunked attributes wrote. */
    FIXED_ASCII
}
