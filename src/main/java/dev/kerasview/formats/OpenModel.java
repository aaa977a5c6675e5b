package dev.kerasview.formats;

import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.model.ModelFile;

/** An opened model: its structure, plus access to tensor values until closed. */
public interface OpenModel extends AutoCloseable {

    /** The structure read from the file (no tensor values). */
    ModelFile model();

    /** Reads stored values on request; valid until {@link #close()}. */
    TensorStore tensors();

    @Override
    void close();
}
