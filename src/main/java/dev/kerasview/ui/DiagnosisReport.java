package dev.kerasview.ui;

import dev.kerasview.model.Finding;
import dev.kerasview.model.ModelFile;
import java.util.List;

/** A model's diagnosis as Markdown, ready to paste into a bug report ("Copy report"). */
final class DiagnosisReport {

    private DiagnosisReport() {
    }

    /** The report on {@code model}: the file, the verdict, then each finding with its cause and remedies. */
    static String markdown(ModelFile model, Verdict verdict, List<Finding> findings) {
        StringBuilder b = new StringBuilder();
        b.append("## kerasview diagnosis of `").append(model.file().getFileName()).append("`\n\n");
        b.append("- File: `").append(model.file()).append("`");
        if (model.weightsFile() != null) {
            b.append(" + `").append(model.weightsFile().getFileName()).append('`');
        }
        b.append('\n');
        b.append("- Format: ").append(model.format().description()).append('\n');
        if (model.kerasVersion() != null) {
            b.append("- Saved by Keras ").append(model.kerasVersion()).append('\n');
        }
        b.append("- Verdict: **").append(verdict.headline()).append("**");
        if (verdict.detail() != null && !verdict.detail().isEmpty()) {
            b.append(" ").append(verdict.detail());
        }
        b.append("\n\n");
        if (findings.isEmpty()) {
            b.append("No findings: every layer finds its variables.\n");
            return b.toString();
        }
        b.append("### Findings\n");
        for (Finding f : findings) {
            b.append("\n#### ").append(f.severity().id()).append(" `").append(f.code().id()).append('`');
            if (f.layer() != null) {
                b.append(" in layer `").append(f.layer()).append('`');
            }
            b.append("\n\n");
            if (f.message() != null) {
                b.append("```\n").append(f.message()).append("\n```\n\n");
            }
            String where = RowText.where(f);
            if (!where.isEmpty()) {
                b.append(where).append("\n\n");
            }
            if (f.cause() != null && !f.cause().isEmpty()) {
                b.append("Cause: ").append(f.cause()).append("\n\n");
            }
            for (String r : f.remedies()) {
                b.append("- ").append(r).append('\n');
            }
            if (!f.remedies().isEmpty()) {
                b.append('\n');
            }
        }
        return b.toString().stripTrailing() + "\n";
    }
}
