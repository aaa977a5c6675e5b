package dev.kerasview.cli;

import dev.kerasview.model.LayerFigures;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ParamCount;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code inspect} summary in the layout of Keras's {@code model.summary()}: one row per
 * layer of the model with its output shape and parameters (plus its MACs), then the totals.
 * What the file cannot tell (a custom layer's shapes) shows as {@code ?} or "unknown".
 */
final class SummaryTable {

    private static final String[] HEADER = {"Layer (type)", "Output Shape", "Param #", "MACs"};

    private final PrintWriter out;

    SummaryTable(PrintWriter out) {
        this.out = out;
    }

    void print(LayerNode model) {
        List<String[]> rows = new ArrayList<>();
        long optimizer = 0;
        boolean hasOptimizer = false;
        for (LayerNode n : model.children()) {
            if (n.kind() == LayerKind.OPTIMIZER) {
                optimizer += n.parameterCount();
                hasOptimizer = true;
            } else if (n.figures() != null) {
                LayerFigures f = n.figures();
                String shape = f.outputShapeText();
                rows.add(new String[] {n.name() + " (" + n.className() + ")",
                        shape == null ? "?" : shape, count(f.params().total()), count(f.macs())});
            }
        }
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        out.println("Model: \"" + model.name() + "\"");
        out.println(rule(width, '┏', '━', '┳', '┓'));
        out.println(row(width, HEADER, '┃'));
        out.println(rule(width, '┡', '━', '╇', '┩'));
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                out.println(rule(width, '├', '─', '┼', '┤'));
            }
            out.println(row(width, rows.get(i), '│'));
        }
        out.println(rule(width, '└', '─', '┴', '┘'));
        LayerFigures f = model.figures() == null ? LayerFigures.UNKNOWN : model.figures();
        ParamCount p = f.params();
        out.println(" Total params: " + count(p.total()));
        out.println(" Trainable params: " + count(p.trainable())
                + (p.trainable() == null && p.total() != null
                ? " (a custom layer's weights: the file does not say which train)" : ""));
        out.println(" Non-trainable params: " + count(p.nonTrainable()));
        if (hasOptimizer) {
            out.println(String.format(Locale.ROOT,
                    " Optimizer params: %,d (stored; Keras adds them to its Total params line)",
                    optimizer));
        }
        out.println(" Total MACs: " + count(f.macs()) + " per sample"
                + (f.macs() == null ? " (a layer's cost depends on custom code or unknown shapes)"
                : ""));
    }

    private static String count(Long n) {
        return n == null ? "unknown" : String.format(Locale.ROOT, "%,d", n);
    }

    private static String rule(int[] width, char left, char line, char cross, char right) {
        StringBuilder s = new StringBuilder().append(left);
        for (int i = 0; i < width.length; i++) {
            s.append(String.valueOf(line).repeat(width[i] + 2)).append(i + 1 < width.length ? cross : right);
        }
        return s.toString();
    }

    /** Names and shapes left-aligned, numbers right-aligned, as Keras aligns them. */
    private static String row(int[] width, String[] cells, char bar) {
        StringBuilder s = new StringBuilder().append(bar);
        for (int i = 0; i < width.length; i++) {
            String c = cells[i];
            String pad = " ".repeat(width[i] - c.length());
            s.append(' ').append(i < 2 ? c + pad : pad + c).append(' ').append(bar);
        }
        return s.toString();
    }
}
