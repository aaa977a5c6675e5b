package dev.kerasview.ui;

import dev.kerasview.formats.OpenModel;

/**
 * A file read by a {@link ModelSource}: its structure at once, the prediction whether Keras
 * loads it on request. Diagnosing a big model takes a noticeable part of opening it, and the
 * tree needs only the structure.
 */
public interface ReadModel extends AutoCloseable {

    /** The opened file (values readable until closed). */
    OpenModel open();

    /** Predicts whether Keras loads the file; may take a while, so never on the FX thread. */
    DiagnosedModel diagnose();

    @Override
    void close();
}
