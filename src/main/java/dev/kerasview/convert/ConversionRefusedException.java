package dev.kerasview.convert;

import java.util.List;

/** A conversion refused for a reason outside kerasview's control; nothing was written. */
public final class ConversionRefusedException extends ConversionException {

    private final ConversionRefusal reason;
    private final String cause;
    private final List<PlannedLayer> missing;

    public ConversionRefusedException(ConversionRefusal reason, String message) {
        this(reason, message, message, List.of());
    }

    /**
     * @param message the whole message, with what to type at the command line
     * @param cause   the cause alone, for a window that offers its own choices
     * @param missing for {@link ConversionRefusal#MISSING_WEIGHTS}: the layers whose weights are absent
     */
    public ConversionRefusedException(ConversionRefusal reason, String message, String cause,
                                      List<PlannedLayer> missing) {
        super(message);
        this.reason = reason;
        this.cause = cause;
        this.missing = List.copyOf(missing);
    }

    /** The cause in words, without command-line flags. */
    public String cause() {
        return cause;
    }

    /** Why it was refused. */
    public ConversionRefusal reason() {
        return reason;
    }

    /** For {@link ConversionRefusal#MISSING_WEIGHTS}: the layers whose weights are absent. */
    public List<PlannedLayer> missing() {
        return missing;
    }
}
