package dev.kerasview.ui;

import dev.kerasview.convert.ConversionException;
import dev.kerasview.formats.UnreadableFileException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into one or two sentences a person can act on; never a stack trace. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /** A readable description of {@code t}. */
    public static String describe(Throwable t) {
        if (t == null) {
            return "Something went wrong, but no reason was given.";
        }
        if (t instanceof UnreadableFileException || t instanceof ConversionException
                || t instanceof ConversionRefusedException) {
            return t.getMessage();
        }
        if (t instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file or folder.";
        }
        if (t instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied. Check that you may read (or write) it.";
        }
        if (t instanceof FileSystemException e) {
            return (e.getFile() == null ? "" : e.getFile() + ": ") + (e.getReason() == null ? "file system error" : e.getReason()) + ".";
        }
        if (t instanceof FileNotFoundException) {
            return t.getMessage();
        }
        if (t instanceof OutOfMemoryError) {
            return "Not enough memory for this file. Start kerasview with more memory (-Xmx) and try again.";
        }
        if (t instanceof IOException && t.getMessage() != null) {
            return t.getMessage();
        }
        String what = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return "kerasview hit an internal error (" + t.getClass().getSimpleName() + ": " + what
                + "). The file may be unusual; please report it with the file if you can.";
    }
}
