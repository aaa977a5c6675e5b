package dev.kerasview.ui;

import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Opens model files; the window's only way into the reader and diagnoser. */
@FunctionalInterface
public interface ModelSource {

    /**
     * Reads {@code file} (with its separate weights, or null). The diagnosis is left to
     * {@link ReadModel#diagnose()}, so that the tree can show before it is done.
     */
    ReadModel open(Path file, Path weightsOrNull) throws UnreadableFileException;

    /** Reads {@code file} as {@link #open} does and builds its layer rows (call off the FX thread). */
    default OpenModelService.Opened openIndexed(Path file, Path weightsOrNull) throws UnreadableFileException {
        return OpenModelService.Opened.of(open(file, weightsOrNull));
    }

    /**
     * {@code file} already read and indexed, taken without waiting: a read started before its
     * tab existed and finished since. Empty when there is none or it is still running (then
     * {@link #openIndexed} waits for it).
     */
    default Optional<OpenModelService.Opened> takeIfDone(Path file, Path weightsOrNull) {
        return Optional.empty();
    }
}
