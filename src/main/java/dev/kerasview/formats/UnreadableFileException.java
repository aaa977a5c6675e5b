package dev.kerasview.formats;

import java.nio.file.Path;

/** A file that cannot be read as a model at all; the message is one line a person can act on. */
public class UnreadableFileException extends Exception {

    private final transient Path file;

    public UnreadableFileException(Path file, String message) {
        super(file.getFileName() + ": " + message);
        this.file = file;
    }

    public UnreadableFileException(Path file, String message, Throwable cause) {
        super(file.getFileName() + ": " + message, cause);
        this.file = file;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
