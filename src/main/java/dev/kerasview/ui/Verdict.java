package dev.kerasview.ui;

import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.model.Finding;
import dev.kerasview.model.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The headline of a tab: whether Keras loads the file, in one line.
 *
 * @param loads     whether Keras loads the file (where the person's code registers what it needs)
 * @param needsCode true when it loads only where the person's code registers custom classes
 * @param headline  "Keras will fail to load this file: 2 layers" / "Loads in Keras" /
 *                  "Loads if your code registers Test>VAE"
 * @param detail    the failing layers or the number of warnings, or empty
 */
public record Verdict(boolean loads, boolean needsCode, String headline, String detail) {

    /** The verdict for a diagnosis. */
    public static Verdict of(boolean loads, List<Finding> findings) {
        Set<String> failingLayers = new LinkedHashSet<>();
        long errors = 0;
        long warnings = 0;
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                errors++;
                if (f.layer() != null) {
                    failingLayers.add(f.layer());
                }
            } else if (f.severity() == Severity.WARNING) {
                warnings++;
            }
        }
        String warningText = warnings == 0 ? "" : DisplayFormat.plural(warnings, "warning", "warnings");
        if (loads) {
            List<String> code = Diagnosis.requires(findings).stream().map(Diagnosis.Requirement::name).toList();
            String detail = warningText.isEmpty() ? "" : "with " + warningText;
            return code.isEmpty() ? new Verdict(true, false, "Loads in Keras", detail)
                    : new Verdict(true, true, "Loads if your code registers " + String.join(", ", code), detail);
        }
        String headline = "Keras will fail to load this file";
        String detail;
        if (!failingLayers.isEmpty()) {
            headline += ": " + DisplayFormat.plural(failingLayers.size(), "layer", "layers");
            detail = String.join(", ", failingLayers);
        } else {
            detail = errors == 0 ? "" : DisplayFormat.plural(errors, "error", "errors");
        }
        if (!warningText.isEmpty()) {
            detail += (detail.isEmpty() ? "" : " · ") + warningText;
        }
        return new Verdict(false, false, headline, detail);
    }
}
