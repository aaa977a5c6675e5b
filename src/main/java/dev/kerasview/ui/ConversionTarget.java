package dev.kerasview.ui;

/** The two forms a model can be converted to from the window. */
public enum ConversionTarget {
    H5("Convert to .h5", "legacy .h5"),
    JSON("Convert to JSON + weights", "JSON + weights");

    private final String action;
    private final String description;

    ConversionTarget(String action, String description) {
        this.action = action;
        this.description = description;
    }

    /** Button and menu text. */
    public String action() {
        return action;
    }

    /** Short name of the output form. */
    public String description() {
        return description;
    }
}
