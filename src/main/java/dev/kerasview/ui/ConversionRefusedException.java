package dev.kerasview.ui;

import dev.kerasview.convert.ConversionRefusal;

/**
 * The converter refused for a reason the person may override: the output would lack some
 * layers' weights, or would load only where their own classes are registered.
 */
public class ConversionRefusedException extends Exception {

    private final ConversionRefusal reason;

    /** A refusal with a message a person can read. */
    public ConversionRefusedException(ConversionRefusal reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the converter refused. */
    public ConversionRefusal reason() {
        return reason;
    }
}
