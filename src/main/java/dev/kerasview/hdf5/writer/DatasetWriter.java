package dev.kerasview.hdf5.writer;

/** A dataset already written, to which attributes can still be added. */
public interface DatasetWriter {

    /**
     * Sets (or replaces) an attribute of this dataset (limits as for {@link GroupWriter#attribute}).
     *
     * @throws IllegalArgumentException if the name is empty or the value cannot be stored
     */
    void attribute(String name, AttributeValue value);
}
