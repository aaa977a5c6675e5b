package dev.kerasview.convert;

import dev.kerasview.model.ModelFile;

/** Runs the diagnoser on a written file; returns null when Keras would load it, else why not. */
@FunctionalInterface
public interface OutputDiagnosis {

    /** Prefix of the problem when Keras could not re-compile the model from its training_config. */
    String LEGACY_COMPILE = "LEGACY_COMPILE";

    /**
     * Null when the diagnoser predicts Keras loads {@code written}, else its first error as
     * {@code CODE: message}. {@code written} carries the final file names (Keras routes by suffix).
     */
    String problem(ModelFile written);
}
