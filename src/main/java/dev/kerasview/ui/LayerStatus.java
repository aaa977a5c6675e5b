package dev.kerasview.ui;

/** How a row of the layer tree is marked, most serious first. */
public enum LayerStatus {
    FAILS("fails to load", "status-fails"),
    CONTAINS_FAILURE("a layer inside fails", "status-contains-failure"),
    WARNING("warning", "status-warning"),
    CONTAINS_WARNING("warning inside", "status-contains-warning"),
    OK("", "status-ok");

    private final String label;
    private final String pseudoClass;

    LayerStatus(String label, String pseudoClass) {
        this.label = label;
        this.pseudoClass = pseudoClass;
    }

    /** Words shown in the status column (empty for OK). */
    public String label() {
        return label;
    }

    /** CSS pseudo-class of rows with this status. */
    public String pseudoClass() {
        return pseudoClass;
    }

    /** True for a failure of the layer itself or of something inside it. */
    public boolean failing() {
        return this == FAILS || this == CONTAINS_FAILURE;
    }

    /** The status a parent gets from a child with this status. */
    LayerStatus asParentOf() {
        return switch (this) {
            case FAILS, CONTAINS_FAILURE -> CONTAINS_FAILURE;
            case WARNING, CONTAINS_WARNING -> CONTAINS_WARNING;
            case OK -> OK;
        };
    }

    /** The more serious of two statuses. */
    static LayerStatus worst(LayerStatus a, LayerStatus b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
