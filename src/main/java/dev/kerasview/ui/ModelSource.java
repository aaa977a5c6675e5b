package dev.kerasview.ui;

import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.Path;

/** Opens and diagnoses a model file; the window's only way into the reader and diagnoser. */
@FunctionalInterface
public interface ModelSource {

    /** Reads {@code file} (with its separate weights, or null) and predicts whether Keras loads it. */
    LoadedModel open(Path file, Path weightsOrNull) throws UnreadableFileException;
}
