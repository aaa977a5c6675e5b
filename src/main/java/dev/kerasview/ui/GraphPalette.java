package dev.kerasview.ui;

/**
 * The graph's colours as hex strings, shared by the canvas and the SVG export so both look
 * alike; they repeat kerasview.css's palette, which a canvas cannot read.
 */
final class GraphPalette {

    static final String EDGE = "#8a94a3";
    static final String TEXT = "#1f2933";
    static final String MUTED = "#5f6b7a";
    static final String SELECTED = "#2962ff";
    static final String MATCH = "#fff176";
    static final String CUSTOM = "#6a1b9a";
    static final String GROUP_FILL = "#f4f6f9";
    static final String GROUP_STROKE = "#b8c0cc";
    static final String BACKGROUND = "#ffffff";

    private GraphPalette() {
    }

    /** Fill of a box with {@code status}. */
    static String fill(LayerStatus status) {
        return switch (status) {
            case FAILS -> "#fdecea";
            case WARNING -> "#fff4dc";
            default -> "#ffffff";
        };
    }

    /** Outline of a box with {@code status}. */
    static String stroke(LayerStatus status) {
        return switch (status) {
            case FAILS, CONTAINS_FAILURE -> "#c62828";
            case WARNING, CONTAINS_WARNING -> "#e09000";
            case OK -> "#9aa5b4";
        };
    }
}
