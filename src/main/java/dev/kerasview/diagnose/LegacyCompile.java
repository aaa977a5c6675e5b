package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.model.Finding;
import dev.kerasview.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Re-compiling a legacy .h5 from its {@code training_config}: Keras 3.15.1 resolves a loss or
 * metric given by an alias ({@code "mse"}, {@code "mae"}...) to a plain function under
 * {@code keras.metrics}, which its deserializer then refuses as not KerasSaveable.
 */
final class LegacyCompile {

    private static final Set<String> ALIASES = Set.of("bce", "BCE", "kld", "KLD", "mae", "MAE",
            "mse", "MSE", "mape", "MAPE", "msle", "MSLE");
    private static final Set<String> SPECIAL_METRICS = Set.of("accuracy", "acc", "crossentropy",
            "ce");

    private LegacyCompile() {
    }

    static List<Finding> check(JsonNode training) {
        List<Finding> out = new ArrayList<>();
        if (training == null || !training.isObject()) {
            return out;
        }
        strings(training.get("loss"), Set.of(), out);
        strings(training.get("metrics"), SPECIAL_METRICS, out);
        strings(training.get("weighted_metrics"), SPECIAL_METRICS, out);
        return out.isEmpty() ? out : List.of(out.get(0));
    }

    private static void strings(JsonNode node, Set<String> passThrough, List<Finding> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isTextual()) {
            String s = node.asText();
            if (ALIASES.contains(s) && !passThrough.contains(s)) {
                out.add(new Finding(Severity.ERROR, "LEGACY_COMPILE", null, null, null, null, s,
                        "Could not deserialize 'keras.metrics." + s + "' because it is not a "
                                + "KerasSaveable subclass",
                        "The model was compiled with the alias '" + s + "'; Keras 3.15.1 "
                                + "cannot re-compile a legacy .h5 from that name.",
                        List.of(Remedies.NO_COMPILE)));
            }
            return;
        }
        if (node.isArray() || (node.isObject() && !node.has("class_name"))) {
            node.elements().forEachRemaining(n -> strings(n, passThrough, out));
        }
    }
}
