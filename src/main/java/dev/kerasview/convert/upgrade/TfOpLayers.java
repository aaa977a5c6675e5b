package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * Replaces the tf.keras op layers of a Functional layer list ({@code TensorFlowOpLayer}, {@code TFOpLambda}) by
 * the built-in Keras layers that compute the same float32 operations in the same order, keeping each layer's name,
 * so the rest of the upgrade reads them as any built-in layer. The list is rewritten in order, so that the shapes
 * an op needs may come through ops translated before it. An op without an exact translation is refused, naming it.
 */
final class TfOpLayers {

    private final UpgradeRun run;

    TfOpLayers(UpgradeRun run) {
        this.run = run;
    }

    /** The model's layer list with its op layers translated; the given list itself when it has none. */
    JsonNode translate(JsonNode modelConfig) throws UpgradeRefusedException {
        JsonNode layers = modelConfig.path("layers");
        if (!layers.isArray() || !hasOpLayer(layers)) {
            return layers;
        }
        ArrayNode current = (ArrayNode) layers.deepCopy();
        for (int i = 0; i < current.size(); i++) {
            JsonNode entry = current.get(i);
            String className = Json.text(entry.get("class_name"));
            if (!isOpLayer(className)) {
                continue;
            }
            String name = name(className, entry);
            TfOpCall call = TfOpCalls.read(className, name, entry);
            TensorFacts facts = new TensorFacts(current, modelConfig);
            requireFloat32(call, call.args(), facts);
            TfOpTranslation t = translate(call, facts);
            if (t.recipe() != null) {
                if (run.modelDepth != 1) {
                    throw call.refuse("it sits inside a nested model, and kerasview places constants as weights only"
                            + " for layers of the outer model");
                }
                run.recipes.put(name, t.recipe());
            }
            current.set(i, t.entry(name));
            run.note("Layer '" + name + "': the tf.keras " + className + " calling TensorFlow's " + call.written()
                    + " became Keras's " + t.className() + " layer, which computes the same (" + t.how() + ").");
        }
        return current;
    }

    private static TfOpTranslation translate(TfOpCall call, TensorFacts facts) throws UpgradeRefusedException {
        return switch (call.operation()) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE -> ElementwiseOps.binary(call, facts);
            case RELU -> ElementwiseOps.activation(call, "relu");
            case RELU6 -> ElementwiseOps.activation(call, "relu6");
            case SIGMOID -> ElementwiseOps.activation(call, "sigmoid");
            case TANH -> ElementwiseOps.activation(call, "tanh");
            case RESHAPE -> ShapeOps.reshape(call, facts);
            case EXPAND_DIMS -> ShapeOps.expandDims(call, facts);
            case SQUEEZE -> ShapeOps.squeeze(call, facts);
            case CONCAT -> ShapeOps.concat(call, facts);
            case CONV2D -> ConstantConvolution.translate(call, facts);
        };
    }

    /**
     * Keras's layers cast their inputs to their float32 compute dtype and TensorFlow's ops do not cast: the two
     * agree only on float32 tensors.
     */
    private static void requireFloat32(TfOpCall call, List<TfOpCall.Arg> args, TensorFacts facts)
            throws UpgradeRefusedException {
        if (!call.floatType()) {
            throw call.refuse("it computes in " + call.attributes().path("T").path("type").asText()
                    + ", and Keras's layers compute in float32");
        }
        for (TfOpCall.Arg a : args) {
            if (a instanceof TfOpCall.Tensor t) {
                String dtype = facts.dtype(t);
                if (!"float32".equals(dtype)) {
                    throw call.refuse("its input '" + t.layer() + "' is " + (dtype == null
                            ? "a tensor whose dtype the config does not tell" : "of dtype " + dtype)
                            + ", and the Keras layers that compute the same take float32 only");
                }
            } else if (a instanceof TfOpCall.ArgList list) {
                requireFloat32(call, list.items(), facts);
            }
        }
    }

    /** tf.keras named a TensorFlowOpLayer "tf_op_layer_" + its config name; the entry's name is the one used. */
    private static String name(String className, JsonNode entry) {
        String name = Json.text(entry.get("name"));
        if (name != null) {
            return name;
        }
        String configName = Json.text(entry.path("config").get("name"));
        return TfOpCalls.GRAPH_LAYER.equals(className) ? "tf_op_layer_" + configName : configName;
    }

    private static boolean hasOpLayer(JsonNode layers) {
        for (JsonNode entry : layers) {
            if (isOpLayer(Json.text(entry.get("class_name")))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOpLayer(String className) {
        return TfOpCalls.GRAPH_LAYER.equals(className) || TfOpCalls.LAMBDA_LAYER.equals(className);
    }
}
