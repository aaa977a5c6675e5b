package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Re-compiling a legacy .h5 from its {@code training_config}: Keras 3 resolves a loss given by
 * an alias ({@code "mse"}, {@code "mae"}...) to a plain function under {@code keras.metrics},
 * which its deserializer then refuses as not KerasSaveable (a metric alias resolves).
 */
final class LegacyCompile {

    private static final Set<String> ALIASES = Set.of("bce", "BCE", "kld", "KLD", "mae", "MAE",
            "mse", "MSE", "mape", "MAPE", "msle", "MSLE");

    private LegacyCompile() {
    }

    /** Arguments every Keras 3 optimizer takes, plus {@code decay}, which it drops. */
    private static final Set<String> BASE = Set.of("learning_rate", "weight_decay", "clipnorm",
            "clipvalue", "global_clipnorm", "use_ema", "ema_momentum", "ema_overwrite_frequency",
            "loss_scale_factor", "gradient_accumulation_steps", "name", "decay");
    private static final Map<String, Set<String>> OWN = Map.of(
            "adam", Set.of("beta_1", "beta_2", "epsilon", "amsgrad"),
            "adamw", Set.of("beta_1", "beta_2", "epsilon", "amsgrad"),
            "adamax", Set.of("beta_1", "beta_2", "epsilon"),
            "nadam", Set.of("beta_1", "beta_2", "epsilon"),
            "sgd", Set.of("momentum", "nesterov"),
            "rmsprop", Set.of("rho", "momentum", "epsilon", "centered"),
            "adagrad", Set.of("initial_accumulator_value", "epsilon"),
            "adadelta", Set.of("rho", "epsilon"),
            "ftrl", Set.of("learning_rate_power", "initial_accumulator_value",
                    "l1_regularization_strength", "l2_regularization_strength",
                    "l2_shrinkage_regularization_strength", "beta"));

    static List<Finding> check(JsonNode training) {
        List<Finding> out = new ArrayList<>();
        if (training == null || !training.isObject()) {
            return out;
        }
        optimizer(training.get("optimizer_config"), out);
        if (!out.isEmpty()) {
            return out;
        }
        // Only losses: metrics.deserialize resolves the aliases ('mae' loads in every Keras 3
        // version; saved-by compiled_adam.h5), losses.deserialize does not.
        strings(training.get("loss"), out);
        return out.isEmpty() ? out : List.of(out.get(0));
    }

    /**
     * A built-in optimizer named directly (not {@code Custom>Adam}, which Keras replaces by a
     * default one) is created from its saved config, and Keras 3 rejects arguments of Keras 2
     * optimizers such as {@code lr}.
     */
    private static void optimizer(JsonNode config, List<Finding> out) {
        if (config == null || !config.isObject() || !config.path("class_name").isTextual()) {
            return;
        }
        String cls = config.get("class_name").asText();
        Set<String> own = OWN.get(cls.toLowerCase(Locale.ROOT));
        JsonNode args = config.get("config");
        if (own == null || args == null || !args.isObject()) {
            return;
        }
        List<String> bad = new ArrayList<>();
        args.fields().forEachRemaining(f -> {
            if (!BASE.contains(f.getKey()) && !own.contains(f.getKey())) {
                bad.add("'" + f.getKey() + "': " + PythonValues.repr(f.getValue()));
            }
        });
        if (!bad.isEmpty()) {
            out.add(Finding.error(FindingCode.LEGACY_COMPILE)
                    .className(cls)
                    .message("Argument(s) not recognized: {" + String.join(", ", bad) + "}")
                    .cause("The file's training config holds a Keras 2 optimizer whose arguments "
                            + "Keras 3's " + cls + " no longer accepts, so re-compiling fails.")
                    .remedies(Remedies.NO_COMPILE)
                    .build());
        }
    }

    private static void strings(JsonNode node, List<Finding> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isTextual()) {
            String s = node.asText();
            if (ALIASES.contains(s)) {
                out.add(Finding.error(FindingCode.LEGACY_COMPILE)
                        .found(s)
                        .message("Could not deserialize 'keras.metrics." + s + "' because it is "
                                + "not a KerasSaveable subclass")
                        .cause("The model was compiled with the alias '" + s + "'; Keras 3.15.1 "
                                + "cannot re-compile a legacy .h5 from that name.")
                        .remedies(Remedies.NO_COMPILE)
                        .build());
            }
            return;
        }
        if (node.isArray() || (node.isObject() && !node.has("class_name"))) {
            node.elements().forEachRemaining(n -> strings(n, out));
        }
    }
}
