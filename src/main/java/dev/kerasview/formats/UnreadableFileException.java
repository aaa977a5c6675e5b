package dev.kerasview.formats;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

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

    /**
     * What a read done on another thread failed with, as it was thrown there: an unreadable
     * file, a runtime exception or an error is rethrown as is; any other cause becomes what
     * {@code other} makes of it.
     */
    public static UnreadableFileException causeOf(ExecutionException e,
                                                  Function<Throwable, UnreadableFileException> other) {
        Throwable cause = e.getCause();
        if (cause instanceof UnreadableFileException u) {
            return u;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return other.apply(cause);
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
