package dev.kerasview.convert;

/** The person cancelled the conversion; nothing was left behind. */
public final class ConversionCancelledException extends ConversionException {

    public ConversionCancelledException(String message) {
        super(message);
    }
}
