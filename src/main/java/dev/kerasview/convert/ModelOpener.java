package dev.kerasview.convert;

import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.Path;

/** Opens a model file (and its separate weights, or null) for reading; normally the project's ModelReader. */
@FunctionalInterface
public interface ModelOpener {

    OpenModel open(Path file, Path weightsOrNull) throws UnreadableFileException;
}
