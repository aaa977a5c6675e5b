package dev.kerasview.ui;

import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.Path;

/** Opens files through the core reader and diagnoser. */
final class CoreModelSource implements ModelSource {

    @Override
    public LoadedModel open(Path file, Path weightsOrNull) throws UnreadableFileException {
        // wired to formats.ModelReader and diagnose as soon as they are on main
        throw new UnreadableFileException(file, "this build has no model reader yet");
    }
}
