package dev.kerasview.convert.upgrade;

import java.util.List;

/** Why a config has no exact Keras 3 form; the message says what, where, why and what to do. */
public final class UpgradeRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final List<String> names;

    public UpgradeRefusedException(Reason reason, List<String> names, String message) {
        super(message);
        this.reason = reason;
        this.names = List.copyOf(names);
    }

    /** The kind of refusal. */
    public Reason reason() {
        return reason;
    }

    /** The layer or class names concerned. */
    public List<String> names() {
        return names;
    }
}
