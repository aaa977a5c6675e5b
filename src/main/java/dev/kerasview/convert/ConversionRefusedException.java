package dev.kerasview.convert;

/** A conversion refused for a reason outside kerasview's control; nothing was written. */
public final class ConversionRefusedException extends ConversionException {

    private final ConversionRefusal reason;
    private final String cause;

    public ConversionRefusedException(ConversionRefusal reason, String message) {
        this(reason, message, message);
    }

    /**
     * @param message the whole message, with what to type at the command line
     * @param cause   the cause alone, for a window that offers its own choices
     */
    public ConversionRefusedException(ConversionRefusal reason, String message, String cause) {
        super(message);
        this.reason = reason;
        this.cause = cause;
    }

    /** The cause in words, without command-line flags. */
    public String cause() {
        return cause;
    }

    /** Why it was refused. */
    public ConversionRefusal reason() {
        return reason;
    }
}
