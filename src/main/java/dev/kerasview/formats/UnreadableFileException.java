package dev.kerasview.formats;

import java.nio.file.Path;

/** A file that cannot be read as a model at all; the message is one line a person can act on. */
public class UnreadableFileException extends Exception {

    private final transient Path file;

    public UnreadableFileException(Path file, String message) {
        super(oneLine(file.getFileName() + ": " + message));
        this.file = file;
    }

    public UnreadableFileException(Path file, String message, Throwable cause) {
        super(oneLine(file.getFileName() + ": " + message), cause);
        this.file = file;
    }

    /** Messages quote file content (JSON errors, names); control characters must not break the line. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ").strip();
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
