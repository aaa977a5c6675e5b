package dev.kerasview.ui;

import dev.kerasview.model.Finding;
import dev.kerasview.model.LayerFigures;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import java.util.List;

/**
 * One row of the layer tree: the layer with its status and totals, computed once per model so
 * that cells and filters never walk subtrees.
 *
 * @param node       the layer (compared by identity: records compare deeply)
 * @param status     its own or inherited status
 * @param findings   the findings about this layer itself
 * @param parameters parameters of the layer and everything inside it
 * @param bytes      stored bytes of the layer and everything inside it
 * @param searchKey  lower-case name and class, matched by the search field
 * @param children   rows shown under it
 */
public record LayerRow(LayerNode node, LayerStatus status, List<Finding> findings, long parameters,
                       long bytes, String searchKey, List<LayerRow> children) {

    public LayerRow {
        findings = List.copyOf(findings);
        children = List.copyOf(children);
    }

    /** The same row showing other children (a filtered view). */
    LayerRow withChildren(List<LayerRow> shown) {
        return new LayerRow(node, status, findings, parameters, bytes, searchKey, shown);
    }

    /**
     * The output shape as Keras's summary writes it; {@code ?} where the file cannot tell (custom
     * code), empty for parts Keras's summary does not list (cells, optimizer state).
     */
    public String outputShapeText() {
        LayerFigures f = node.figures();
        if (f == null) {
            return "";
        }
        String shape = f.outputShapeText();
        return shape == null ? "?" : shape;
    }

    /** Keras's parameter count ({@code count_params()}), "?" where unknown, empty where not computed. */
    public String paramsText() {
        LayerFigures f = node.figures();
        if (f == null) {
            return "";
        }
        Long total = f.params().total();
        return total == null ? "?" : DisplayFormat.count(total);
    }

    /** Multiply-accumulates per sample, "?" where unknown, empty where not computed. */
    public String macsText() {
        LayerFigures f = node.figures();
        if (f == null) {
            return "";
        }
        return f.macs() == null ? "?" : DisplayFormat.count(f.macs());
    }

    /** Extra marks shown beside the status: custom class, Lambda, shared, unreadable. */
    public String marks() {
        StringBuilder b = new StringBuilder();
        if (node.kind() == LayerKind.CUSTOM) {
            b.append("custom class");
        } else if (node.kind() == LayerKind.LAMBDA) {
            b.append("Lambda (Python code)");
        }
        if (node.shared()) {
            append(b, "shared ×" + node.inboundCalls());
        }
        if (node.problem() != null) {
            append(b, "unreadable");
        }
        return b.toString();
    }

    /** Status words and marks together, as the status column shows them. */
    public String statusText() {
        StringBuilder b = new StringBuilder(status.label());
        String marks = marks();
        if (!marks.isEmpty()) {
            append(b, marks);
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String s) {
        if (b.length() > 0) {
            b.append(" · ");
        }
        b.append(s);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
