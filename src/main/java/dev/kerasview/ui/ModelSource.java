package dev.kerasview.ui;

import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.Path;

/** Opens model files; the window's only way into the reader and diagnoser. */
@FunctionalInterface
public interface ModelSource {

    /**
     * Reads {@code file} (with its separate weights, or null). The diagnosis is left to
     * {@link ReadModel#diagnose()}, so that the tree can show before it is done.
     */
    ReadModel open(Path file, Path weightsOrNull) throws UnreadableFileException;
}
