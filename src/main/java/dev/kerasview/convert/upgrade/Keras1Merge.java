package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Keras 1's Merge layer, which Keras 2 split into one layer per mode (Add, Multiply, Concatenate, ...). */
final class Keras1Merge {

    /** The merged layer replacing a Merge of each mode; dot and cos changed shape rules in Keras 2. */
    private static final Map<String, String> MODES = Map.of(
            "sum", "Add", "mul", "Multiply", "ave", "Average", "max", "Maximum", "concat", "Concatenate");

    /** The Keras 3 class and config that replace a Merge. */
    record Replacement(String className, ObjectNode config) {
    }

    private Keras1Merge() {
    }

    static Replacement upgrade(JsonNode config, String name, boolean inFunctional, UpgradeRun run)
            throws UpgradeRefusedException {
        if (!inFunctional || config.has("layers") && !config.get("layers").isNull()) {
            throw new UpgradeRefusedException(Reason.INEXACT, List.of(name),
                    "Merge '" + name + "' joins Sequential branches inside a Sequential model, a Keras 1 form with no"
                            + " Keras 2 or 3 Sequential equivalent. Rebuild the model as a functional model (branches"
                            + " joined by Add, Concatenate, ...) and load the weights into it.");
        }
        String modeType = Json.text(config.get("mode_type"));
        String mode = Json.text(config.get("mode"));
        if (modeType != null && !"raw".equals(modeType) || mode == null) {
            throw new UpgradeRefusedException(Reason.PYTHON_LAMBDA, List.of(name),
                    "Merge '" + name + "' merges with a Python function, stored as bytecode Keras 3 cannot run."
                            + " Rebuild the merge as a registered custom layer and load the weights into the model.");
        }
        String cls = MODES.get(mode);
        if (cls == null) {
            throw new UpgradeRefusedException(Reason.INEXACT, List.of(name),
                    "Merge '" + name + "' uses mode '" + mode + "', whose Keras 1 output shape differs from Keras 3's"
                            + " Dot layer. Rebuild it with keras.layers.Dot (checking the axes) and load the weights.");
        }
        ObjectNode out = Json.object();
        out.set("name", config.get("name"));
        out.put("trainable", config.path("trainable").asBoolean(true));
        out.set("dtype", Json.dtypePolicy("float32"));
        if ("Concatenate".equals(cls)) {
            out.set("axis", config.has("concat_axis") ? config.get("concat_axis") : Json.F.numberNode(-1));
        }
        run.note("Merge '" + name + "': Keras 1 mode '" + mode + "' became the " + cls + " layer.");
        return new Replacement(cls, out);
    }
}
