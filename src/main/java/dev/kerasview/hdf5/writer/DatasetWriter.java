package dev.kerasview.hdf5.writer;

/** A dataset already written, to which attributes can still be added. */
public interface DatasetWriter {

    /** Sets (or replaces) an attribute of this dataset. */
    void attribute(String name, AttributeValue value);
}
