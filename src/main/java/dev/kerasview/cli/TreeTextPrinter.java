package dev.kerasview.cli;

import dev.kerasview.catalog.Int4Packing;
import dev.kerasview.catalog.LayerPrecision;
import dev.kerasview.config.LambdaPayload;
import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.model.Finding;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text form of {@code inspect}: a header, then the tree like Keras's summary() plus variables. */
final class TreeTextPrinter {

    private static final Pattern LAMBDA_CODE = Pattern.compile("\"code\": \"([^\"]*)\"");

    private final PrintWriter out;
    private final TensorStore tensors;
    private final boolean stats;

    TreeTextPrinter(PrintWriter out, TensorStore tensors, boolean stats) {
        this.out = out;
        this.tensors = tensors;
        this.stats = stats;
    }

    void print(ModelFile m) throws IOException {
        out.println("file:     " + m.file().getFileName()
                + (m.weightsFile() != null ? "  (weights: " + m.weightsFile().getFileName() + ")" : ""));
        out.println("format:   " + m.format().description() + " [" + m.format().id() + "]");
        if (m.kerasVersion() != null) {
            out.println("keras:    " + m.kerasVersion()
                    + (m.backend() != null ? "  backend " + m.backend() : "")
                    + (m.dateSaved() != null ? "  saved " + m.dateSaved() : ""));
        }
        LayerNode r = m.root();
        long params = r.parameterCount();
        long size = r.byteSize();
        for (LayerNode c : r.children()) {
            if (c.kind() == LayerKind.OPTIMIZER) {
                params -= c.parameterCount();
                size -= c.byteSize();
            }
        }
        out.println(String.format(Locale.ROOT, "params:   %,d (%s), optimizer state not counted",
                params, bytes(size)));
        for (Finding f : m.problems()) {
            out.println(f.severity().id() + ": " + f.code().id() + ": " + f.message());
        }
        out.println();
        node(r, "", "");
    }

    private void node(LayerNode n, String lead, String indent) throws IOException {
        StringBuilder line = new StringBuilder(lead).append(n.name()).append("  ")
                .append(n.className() == null ? "?" : n.className());
        if (n.kind() == LayerKind.CUSTOM || n.kind() == LayerKind.LAMBDA
                || n.kind() == LayerKind.WEIGHTS_GROUP || n.kind() == LayerKind.OPTIMIZER) {
            line.append("  (").append(n.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (n.registeredName() != null && n.registeredName().contains(">")) {
                line.append(": ").append(n.registeredName());
            }
            line.append(')');
        }
        if (n.shared()) {
            line.append("  shared, ").append(n.inboundCalls()).append(" calls");
        }
        LayerPrecision precision = LayerPrecisions.of(n);
        if (precision != null && !precision.plain()) {
            line.append("  ").append(LayerPrecisions.text(precision));
        }
        if (n.path() != null) {
            line.append("  [").append(n.path()).append(']');
        }
        out.println(line);
        String inner = indent + "   ";
        if (n.problem() != null) {
            out.println(inner + "! " + n.problem());
        }
        if (n.kind() == LayerKind.LAMBDA && n.configJson() != null) {
            Matcher mt = LAMBDA_CODE.matcher(n.configJson());
            if (mt.find()) {
                List<String> strings = LambdaPayload.readableStrings(mt.group(1).replace("\\n", "\n"));
                out.println(inner + "lambda bytecode (not executed), readable strings: "
                        + String.join(" ", strings));
            }
        }
        for (VariableInfo v : n.variables()) {
            StringBuilder s = new StringBuilder(inner).append("- ").append(v.name()).append("  ")
                    .append(v.shape()).append("  ").append(v.dtype()).append("  ")
                    .append(bytes(v.byteSize())).append("  ").append(v.path());
            if (v.file() != null) {
                s.append("  (").append(v.file()).append(')');
            }
            if (!v.trainable()) {
                s.append("  non-trainable");
            }
            if (stats) {
                VariableStats st = tensors.statistics(v, 0);
                s.append(String.format(Locale.ROOT, "  sum=%.9g min=%.9g max=%.9g mean=%.9g std=%.9g",
                        st.sum(), st.min(), st.max(), st.mean(), st.std()));
                Optional<Int4Packing> packing = LayerPrecisions.int4(n, v);
                if (packing.isPresent()) {
                    VariableStats u = tensors.int4Statistics(v, packing.get().originalLastDim());
                    s.append(String.format(Locale.ROOT, "  int4 unpacked: count=%d sum=%.9g min=%.9g max=%.9g"
                            + " mean=%.9g std=%.9g", u.count(), u.sum(), u.min(), u.max(), u.mean(), u.std()));
                }
            }
            out.println(s);
        }
        for (LayerNode c : n.children()) {
            node(c, inner, inner);
        }
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", b / 1048576.0);
        }
        return String.format(Locale.ROOT, "%.2f GiB", b / 1073741824.0);
    }
}
