package dev.kerasview.convert;

/** A conversion that was refused or failed; the message is one line a person can act on. */
public class ConversionException extends Exception {

    public ConversionException(String message) {
        super(message);
    }

    public ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
