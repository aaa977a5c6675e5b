package dev.kerasview.convert;

import java.util.List;

/** A conversion refused for a reason outside kerasview's control; nothing was written. */
public final class ConversionRefusedException extends ConversionException {

    private final ConversionRefusal reason;
    private final List<PlannedLayer> missing;

    public ConversionRefusedException(ConversionRefusal reason, String message) {
        this(reason, message, List.of());
    }

    public ConversionRefusedException(ConversionRefusal reason, String message, List<PlannedLayer> missing) {
        super(message);
        this.reason = reason;
        this.missing = List.copyOf(missing);
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
