package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** Refuses layers whose behaviour lives in Python or TensorFlow code that no config can carry. */
final class ForeignCode {

    /** tf.keras layers that wrap a raw TensorFlow op; Keras 3 has no TensorFlow ops to call. */
    private static final Set<String> TF_OP_LAYERS = Set.of(
            "TensorFlowOpLayer", "TFOpLambda", "SlicingOpLambda", "ClassMethod", "InstanceMethod",
            "InstanceProperty");

    private ForeignCode() {
    }

    /** Throws when the layer is a TensorFlow-op layer or a Lambda whose Python bytecode no built-in layer replaces. */
    static void check(String className, String layerName, JsonNode config) throws UpgradeRefusedException {
        if (TF_OP_LAYERS.contains(className)) {
            throw new UpgradeRefusedException(Reason.TF_OP_LAYER, List.of(layerName),
                    "Layer '" + layerName + "' is a tf.keras " + className
                            + ", a call of a raw TensorFlow operation recorded by tf.keras; Keras 3 has no such layer"
                            + " and cannot run TensorFlow operations from a config. Rebuild the model in Keras 3,"
                            + " replacing the TensorFlow call with the matching keras.ops function or layer, and load"
                            + " the weights of the other layers into it.");
        }
        // a Lambda whose bytecode decodes to exact built-in layers passes; LambdaReplacement replaces it later
        if ("Lambda".equals(className) && pythonBytecode(config) && LambdaTranslation.plan(layerName, config).isEmpty()) {
            throw new UpgradeRefusedException(Reason.PYTHON_LAMBDA, List.of(layerName),
                    "Layer '" + layerName + "' is a Lambda whose function is stored as marshalled Python bytecode,"
                            + " which Keras 3 refuses to run in safe mode and cannot read when an older Python wrote it."
                            + " Rewrite the function as a named function registered with"
                            + " @keras.saving.register_keras_serializable() (or as a custom layer), rebuild the model"
                            + " with it, and load the weights of the other layers into it.");
        }
    }

    /**
     * Keras 2 stores a lambda as {@code function_type: "lambda"} with a [code, defaults, closure] list or a
     * base64 string; Keras 3 as a {@code __lambda__} object. A named function is a string with type "function".
     */
    private static boolean pythonBytecode(JsonNode config) {
        JsonNode function = config.get("function");
        String type = Json.text(config.get("function_type"));
        if ("lambda".equals(type)) {
            return true;
        }
        if (function != null && function.isObject() && "__lambda__".equals(Json.text(function.get("class_name")))) {
            return true;
        }
        // Keras 2 lambdas without a function_type key: a list whose first element is the code text
        return function != null && function.isArray() && type == null;
    }

}
