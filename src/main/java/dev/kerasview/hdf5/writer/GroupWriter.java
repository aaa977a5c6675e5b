package dev.kerasview.hdf5.writer;

import java.io.IOException;

/** A group being written: sub-groups, datasets and attributes. */
public interface GroupWriter {

    /**
     * The child group {@code name} (one path segment), created on first call, the same one after.
     *
     * @throws IllegalArgumentException if the name is empty, contains '/' or NUL, or is a dataset's
     */
    GroupWriter group(String name);

    /** The descendant group at a relative path ({@code a/b/c}), creating missing groups. */
    GroupWriter groupPath(String relativePath);

    /**
     * Sets (or replaces) an attribute of this group. Strings of any length fit when variable-length;
     * the value's place in the object header (16 bytes per variable-length string, the bytes of a
     * fixed-length or numeric value) must stay under HDF5's 64 KB message limit.
     *
     * @throws IllegalArgumentException if the name is empty or the value cannot be stored
     */
    void attribute(String name, AttributeValue value);

    /**
     * Creates a contiguous dataset and streams its bytes now.
     *
     * @param dtype numpy dtype name: float16, float32, float64, int8..int64, uint8..uint64,
     *              bool (stored as h5py does: enum of int8 FALSE=0/TRUE=1), bfloat16 (stored
     *              as a 2-byte opaque type, as Keras does)
     * @param shape dimensions; empty for a scalar
     * @throws IOException if the dtype, shape or name is not acceptable (nothing is written then),
     *                     if {@code data} fails or writes other than exactly the dataset's byte
     *                     size, or on an I/O error; after the last two the file is incomplete
     */
    DatasetWriter dataset(String name, String dtype, long[] shape, DataSource data)
            throws IOException;
}
