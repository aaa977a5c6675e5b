package dev.kerasview.convert;

import dev.kerasview.model.ModelFile;

/** Runs the diagnoser on a written file; returns null when Keras would load it, else why not. */
@FunctionalInterface
public interface OutputDiagnosis {

    /** Null when the diagnoser predicts Keras loads {@code written}, else its first error. */
    String problem(ModelFile written);
}
