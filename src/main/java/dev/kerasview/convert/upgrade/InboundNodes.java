package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Keras 2 inbound-node lists ({@code [[["dense", 0, 0, {}]]]}) stay as they are: Keras 3's Functional reads
 * them. It does not read tensors passed as keyword arguments (tf.keras wrote {@code {"value": ["v", 0, 0]}}
 * for {@code mha(q, value=v)}); writing those in Keras 3's form needs every tensor's shape, which the config
 * does not hold, so such calls are refused.
 */
final class InboundNodes {

    private InboundNodes() {
    }

    static void check(JsonNode nodes, String layerName) throws UpgradeRefusedException {
        if (nodes == null || !nodes.isArray()) {
            return;
        }
        for (JsonNode node : nodes) {
            if (!node.isArray()) {
                continue; // Keras 3 {"args", "kwargs"} form
            }
            for (JsonNode input : node) {
                JsonNode kwargs = input.isArray() && input.size() == 4 ? input.get(3) : null;
                if (kwargs != null && kwargs.isObject() && holdsTensor(kwargs)) {
                    throw new UpgradeRefusedException(Reason.INEXACT, List.of(layerName),
                            "Layer '" + layerName + "' is called with a tensor as a keyword argument ("
                                    + kwargs + "), which tf.keras recorded in a form Keras 3 reads as plain values;"
                                    + " kerasview cannot rewrite it without the tensors' shapes. Load the model in"
                                    + " tf.keras, save it with Keras 3 (or pass the tensor positionally) and convert"
                                    + " that file.");
                }
            }
        }
    }

    /** A {@code [layer_name, node_index, tensor_index]} triple anywhere in the kwargs. */
    private static boolean holdsTensor(JsonNode value) {
        if (value.isArray() && value.size() == 3 && value.get(0).isTextual() && value.get(1).isIntegralNumber()
                && value.get(2).isIntegralNumber()) {
            return true;
        }
        for (JsonNode child : value) {
            if (holdsTensor(child)) {
                return true;
            }
        }
        return false;
    }
}
