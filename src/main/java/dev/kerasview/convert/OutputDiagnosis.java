package dev.kerasview.convert;

import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.diagnose.Diagnoser;
import dev.kerasview.model.ModelFile;

/** Replays Keras's load on a written file. */
@FunctionalInterface
public interface OutputDiagnosis {

    /** {@code written} carries the final file names (Keras routes by suffix). */
    LoadVerdict verdict(ModelFile written);

    /** The project's diagnoser, as the CLI and the window use it. */
    static OutputDiagnosis diagnoser() {
        return written -> {
            Diagnoser d = new Diagnoser();
            return LoadVerdict.of(d.diagnose(written), d.release().version().toString());
        };
    }

    /** The diagnoser replaying the load of one modelled Keras version. */
    static OutputDiagnosis diagnoser(KerasVersionTable versions, KerasRelease release) {
        return written -> LoadVerdict.of(new Diagnoser(versions, release).diagnose(written),
                release.version().toString());
    }
}
