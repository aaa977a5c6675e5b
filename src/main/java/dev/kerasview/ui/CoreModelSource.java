package dev.kerasview.ui;

import dev.kerasview.diagnose.Diagnoser;
import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.Path;

/** Opens files through the core reader; diagnoses them through the core diagnoser when asked. */
final class CoreModelSource implements ModelSource {

    @Override
    public ReadModel open(Path file, Path weightsOrNull) throws UnreadableFileException {
        return new CoreReadModel(ModelReader.open(file, weightsOrNull));
    }

    /** A file read by the core reader, diagnosed by the core diagnoser. */
    private record CoreReadModel(OpenModel open) implements ReadModel {

        @Override
        public DiagnosedModel diagnose() {
            try {
                Diagnosis d = new Diagnoser().diagnose(open.model());
                return new DiagnosedModel(open, d.findings(), d.loads());
            } catch (RuntimeException | StackOverflowError e) {
                return DiagnosedModel.diagnosisFailed(open, e);
            }
        }

        @Override
        public void close() {
            open.close();
        }
    }
}
