package dev.kerasview.ui;

/** The converter refused because the output would lack some layers' weights; the person may convert anyway. */
public class ConversionRefusedException extends Exception {

    /** A refusal with a message a person can read. */
    public ConversionRefusedException(String message) {
        super(message);
    }
}
