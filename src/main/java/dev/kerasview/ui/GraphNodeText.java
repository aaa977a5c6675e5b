package dev.kerasview.ui;

import dev.kerasview.config.GraphNode;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;

/** What a graph node's box says, and how big the box is for it (estimated from the painter's font sizes). */
final class GraphNodeText {

    /** Box height: two lines of text. */
    static final double HEIGHT = 42;
    // average advance of the fonts GraphPainter uses; boxes are sized before any text is drawn
    private static final double TITLE_CHAR = 7.4;
    private static final double DETAIL_CHAR = 6.4;

    private GraphNodeText() {
    }

    /** The first line: the layer's name. */
    static String title(GraphNode n) {
        return n.name();
    }

    /** The second line: class, output shape when known, calls when shared, and a custom mark. */
    static String detail(GraphNode n, LayerNode layer) {
        StringBuilder b = new StringBuilder(n.className() == null ? "?" : n.className());
        if (layer != null && layer.outputShape() != null) {
            b.append("  ").append(layer.outputShape());
        }
        if (n.calls() > 1) {
            b.append("  ×").append(n.calls());
        }
        return b.toString();
    }

    /** True for a class the person's code provides (custom class or Lambda). */
    static boolean custom(GraphNode n, LayerNode layer) {
        if (layer != null) {
            return layer.kind() == LayerKind.CUSTOM || layer.kind() == LayerKind.LAMBDA;
        }
        return n.registeredName() != null && n.registeredName().contains(">");
    }

    /** Width and height of the box of {@code n} drawn as a leaf. */
    static double[] size(GraphNode n, LayerNode layer) {
        double w = Math.max(title(n).length() * TITLE_CHAR, detail(n, layer).length() * DETAIL_CHAR) + 24;
        return new double[] {Math.min(420, Math.max(96, w)), HEIGHT};
    }
}
