package dev.kerasview.hdf5.writer;

import java.io.IOException;

/** A group being written: sub-groups, datasets and attributes. */
public interface GroupWriter {

    /** The child group {@code name} (one path segment), created on first call, the same one after. */
    GroupWriter group(String name);

    /** The descendant group at a relative path ({@code a/b/c}), creating missing groups. */
    GroupWriter groupPath(String relativePath);

    /** Sets (or replaces) an attribute of this group. */
    void attribute(String name, AttributeValue value);

    /**
     * Creates a contiguous dataset and streams its bytes now.
     *
     * @param dtype numpy dtype name: float16, float32, float64, int8..int64, uint8..uint64,
     *              bool (stored as h5py does: enum of int8 FALSE=0/TRUE=1), bfloat16 (stored
     *              as a 2-byte opaque type, as Keras does)
     * @param shape dimensions; empty for a scalar
     */
    DatasetWriter dataset(String name, String dtype, long[] shape, DataSource data)
            throws IOException;
}
