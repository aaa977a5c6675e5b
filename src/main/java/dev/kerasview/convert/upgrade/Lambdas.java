package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Lambda layers that call a named function: the Keras 2 function fields become Keras 3's function envelope. */
final class Lambdas {

    private Lambdas() {
    }

    /** Rewrites a Lambda config in place (Python bytecode was refused before). */
    static void upgrade(ObjectNode c, String name, UpgradeRun run) throws UpgradeRefusedException {
        JsonNode function = c.get("function");
        if (function != null && function.isObject()) {
            String registered = Json.text(function.get("config"));
            if (registered != null) {
                run.customNames.add(registered);
            }
            return;
        }
        String fn = Json.text(function);
        if (fn == null) {
            return;
        }
        String outputType = Json.text(c.get("output_shape_type"));
        if ("lambda".equals(outputType) || "function".equals(outputType)) {
            throw new UpgradeRefusedException(Reason.PYTHON_LAMBDA, List.of(name),
                    "Lambda '" + name + "' computes its output shape with Python code, which Keras 3 cannot read"
                            + " from a Keras 2 config. Give the Lambda a fixed output_shape (or none) and save again.");
        }
        ObjectNode envelope = Json.envelope("builtins", "function", Json.F.textNode(fn), "function");
        ObjectNode out = Json.object();
        out.set("name", c.get("name"));
        out.set("trainable", c.has("trainable") ? c.get("trainable") : Json.F.booleanNode(true));
        out.set("dtype", NestedObjects.dtype(c.get("dtype"), name, run));
        out.set("function", envelope);
        out.set("arguments", c.has("arguments") ? c.get("arguments") : Json.object());
        if (c.has("output_shape") && !c.get("output_shape").isNull()) {
            out.set("output_shape", c.get("output_shape"));
        }
        c.removeAll();
        c.setAll(out);
        run.customNames.add(fn);
        run.note("Lambda '" + name + "': the named function '" + fn + "' is kept; the model loads where the code"
                + " registers it with @keras.saving.register_keras_serializable().");
    }
}
