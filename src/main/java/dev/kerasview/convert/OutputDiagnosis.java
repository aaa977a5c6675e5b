package dev.kerasview.convert;

import dev.kerasview.diagnose.Diagnoser;
import dev.kerasview.model.ModelFile;

/** Replays Keras's load on a written file. */
@FunctionalInterface
public interface OutputDiagnosis {

    /** {@code written} carries the final file names (Keras routes by suffix). */
    LoadVerdict verdict(ModelFile written);

    /** The project's diagnoser, as the CLI and the window use it. */
    static OutputDiagnosis diagnoser() {
        return written -> LoadVerdict.of(new Diagnoser().diagnose(written));
    }
}
