package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tensors of one call in a Functional config: Keras 3's {@code {"args", "kwargs"}} nodes
 * (each tensor with its shape and {@code keras_history}) and Keras 1/2's lists of
 * {@code [layer, node, tensor, kwargs]}.
 */
final class InboundNodes {

    /** Keyword arguments that are inputs, not masks or flags. */
    private static final Set<String> INPUT_KWARGS = Set.of("inputs", "query", "value", "key");

    private InboundNodes() {
    }

    /**
     * One input tensor of a call.
     *
     * @param layer    the producing layer's name
     * @param node     the producer's call index
     * @param tensor   the output index of that call
     * @param shape    the shape Keras recorded with the tensor, or null (Keras 1/2)
     */
    record TensorRef(String layer, int node, int tensor, List<Long> shape) {
    }

    /** The input tensors of one inbound node, in call order. */
    static List<TensorRef> inputs(JsonNode node) {
        List<TensorRef> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isObject()) {
            collect(node.get("args"), out);
            JsonNode kwargs = node.get("kwargs");
            if (kwargs != null && kwargs.isObject()) {
                kwargs.fields().forEachRemaining(f -> {
                    if (INPUT_KWARGS.contains(f.getKey())) {
                        collect(f.getValue(), out);
                    }
                });
            }
        } else if (node.isArray()) {
            for (JsonNode entry : node) {
                TensorRef ref = history(entry, null);
                if (ref != null) {
                    out.add(ref);
                }
            }
        }
        return out;
    }

    /** An output reference of {@code input_layers}/{@code output_layers}: one or a list. */
    static List<TensorRef> references(JsonNode node) {
        List<TensorRef> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            return out;
        }
        if (node.get(0).isTextual()) {
            TensorRef ref = history(node, null);
            if (ref != null) {
                out.add(ref);
            }
            return out;
        }
        for (JsonNode entry : node) {
            out.addAll(references(entry));
        }
        return out;
    }

    private static void collect(JsonNode value, List<TensorRef> out) {
        if (value == null) {
            return;
        }
        if (value.isArray()) {
            for (JsonNode v : value) {
                collect(v, out);
            }
        } else if (value.isObject()) {
            if ("__keras_tensor__".equals(value.path("class_name").asText())) {
                JsonNode cfg = value.path("config");
                TensorRef ref = history(cfg.get("keras_history"), Dims.fromJson(cfg.get("shape")));
                if (ref != null) {
                    out.add(ref);
                }
            }
        }
    }

    private static TensorRef history(JsonNode h, List<Long> shape) {
        if (h == null || !h.isArray() || h.size() < 3 || !h.get(0).isTextual()) {
            return null;
        }
        return new TensorRef(h.get(0).asText(), h.get(1).asInt(), h.get(2).asInt(), shape);
    }
}
