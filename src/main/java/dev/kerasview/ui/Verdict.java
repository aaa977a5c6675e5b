package dev.kerasview.ui;

import dev.kerasview.model.Finding;
import dev.kerasview.model.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The headline of a tab: whether Keras loads the file, in one line.
 *
 * @param loads     whether Keras loads the file
 * @param headline  "Keras will fail to load this file: 2 layers" / "Loads in Keras"
 * @param detail    the failing layers or the number of warnings, or empty
 */
public record Verdict(boolean loads, String headline, String detail) {

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
            return new Verdict(true, "Loads in Keras", warningText.isEmpty() ? "" : "with " + warningText);
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
        return new Verdict(false, headline, detail);
    }
}
