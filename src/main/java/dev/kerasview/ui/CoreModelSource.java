package dev.kerasview.ui;

import dev.kerasview.diagnose.Diagnoser;
import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.Path;

/** Opens files through the core reader and diagnoser. */
final class CoreModelSource implements ModelSource {

    @Override
    public LoadedModel open(Path file, Path weightsOrNull) throws UnreadableFileException {
        OpenModel open = ModelReader.open(file, weightsOrNull);
        try {
            Diagnosis d = new Diagnoser().diagnose(open.model());
            return new LoadedModel(open, d.findings(), d.loads());
        } catch (RuntimeException | StackOverflowError e) {
            open.close();
            throw new UnreadableFileException(file, "was read, but diagnosing it failed: " + ErrorMessages.describe(e), e);
        }
    }
}
