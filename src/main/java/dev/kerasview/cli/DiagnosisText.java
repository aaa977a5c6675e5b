package dev.kerasview.cli;

import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.model.Finding;
import dev.kerasview.model.Severity;
import java.io.PrintWriter;
import java.util.List;

/** The person-readable form of a diagnosis: the verdict first, then each finding. */
final class DiagnosisText {

    private final PrintWriter out;
    private final String keras;

    /** Prints verdicts of {@code keras} (the Keras version whose load was replayed). */
    DiagnosisText(PrintWriter out, String keras) {
        this.out = out;
        this.keras = keras;
    }

    void print(Diagnosis d) {
        out.println(d.file() + "  (" + d.format().description()
                + (d.kerasVersion() == null ? "" : ", written by Keras " + d.kerasVersion())
                + ")");
        long errors = count(d, Severity.ERROR);
        long warnings = count(d, Severity.WARNING);
        String requires = String.join(", ", d.requires().stream().map(Diagnosis.Requirement::name).toList());
        out.println(d.loads()
                ? "Keras " + keras + " would load this file" + (requires.isEmpty() ? ""
                : " if your code registers " + requires) + (warnings > 0 ? ", with " + warnings
                + " warning" + (warnings == 1 ? "" : "s") : "") + "."
                : "Keras " + keras + " would NOT load this file: " + errors + " error"
                + (errors == 1 ? "" : "s") + (warnings > 0 ? ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") : "") + ".");
        for (Finding f : d.findings()) {
            out.println();
            StringBuilder head = new StringBuilder(f.severity().name()).append("  ")
                    .append(f.code().id());
            if (f.layer() != null) {
                head.append("  layer '").append(f.layer()).append("'");
            }
            if (f.className() != null) {
                head.append(f.layer() != null ? " (" + f.className() + ")"
                        : "  class " + f.className());
            }
            if (f.path() != null && !f.path().isEmpty()) {
                head.append("  at ").append(f.path());
            }
            out.println(head);
            if (f.message() != null) {
                f.message().lines().forEach(l -> out.println("  " + l));
            }
            if (f.expected() != null || f.found() != null) {
                out.println("  expected " + text(f.expected()) + ", found " + text(f.found()));
            }
            if (f.cause() != null) {
                out.println("  Cause: " + f.cause());
            }
            if (!f.remedies().isEmpty()) {
                out.println("  What to do:");
                for (String r : f.remedies()) {
                    out.println("    - " + r);
                }
            }
        }
        out.flush();
    }

    private static long count(Diagnosis d, Severity s) {
        return d.findings().stream().filter(f -> f.severity() == s).count();
    }

    private static String text(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof List<?> l) {
            return l.toString();
        }
        return String.valueOf(v);
    }
}
