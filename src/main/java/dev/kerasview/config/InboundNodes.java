package dev.kerasview.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a layer's {@code inbound_nodes}: one entry per call of the layer, each with the tensors
 * it consumed. Keras 3 writes {@code {"args": [...], "kwargs": {...}}} with tensors as
 * {@code __keras_tensor__} objects carrying {@code keras_history} and their shape; Keras 1/2 and
 * tf.keras write a list of {@code [layer, node_index, tensor_index, kwargs]} entries per call.
 */
public final class InboundNodes {

    private static final String KERAS_TENSOR = "__keras_tensor__";

    private InboundNodes() {
    }

    /** The tensors of each call, in call order; empty when the layer records no calls. */
    public static List<List<TensorRef>> calls(JsonNode inboundNodes) {
        List<List<TensorRef>> out = new ArrayList<>();
        if (inboundNodes == null || !inboundNodes.isArray()) {
            return out;
        }
        for (JsonNode call : inboundNodes) {
            out.add(tensors(call));
        }
        return out;
    }

    /** The tensors of one call (one entry of {@code inbound_nodes}): positional first, then keywords. */
    public static List<TensorRef> tensors(JsonNode call) {
        List<TensorRef> out = new ArrayList<>();
        if (call == null) {
            return out;
        }
        if (call.isObject()) {
            keras3Tensors(call.get("args"), null, out);
            JsonNode kwargs = call.get("kwargs");
            if (kwargs != null && kwargs.isObject()) {
                kwargs.fields().forEachRemaining(f -> keras3Tensors(f.getValue(), f.getKey(), out));
            }
        } else if (call.isArray()) {
            for (JsonNode entry : call) {
                legacyEntry(entry, out);
            }
        }
        return out;
    }

    /** The tensors {@code input_layers}/{@code output_layers} name: one triple, or a list of them. */
    public static List<TensorRef> references(JsonNode signature) {
        List<TensorRef> out = new ArrayList<>();
        if (signature == null || !signature.isArray() || signature.isEmpty()) {
            return out;
        }
        if (signature.get(0).isTextual()) {
            TensorRef ref = triple(signature, null, null);
            if (ref != null) {
                out.add(ref);
            }
            return out;
        }
        for (JsonNode entry : signature) {
            out.addAll(references(entry));
        }
        return out;
    }

    /** Every {@code __keras_tensor__} under a Keras 3 argument, as written. */
    private static void keras3Tensors(JsonNode value, String keyword, List<TensorRef> out) {
        if (value == null) {
            return;
        }
        if (value.isObject() && KERAS_TENSOR.equals(value.path("class_name").asText())) {
            JsonNode config = value.path("config");
            TensorRef ref = triple(config.path("keras_history"), keyword, dims(config.get("shape")));
            if (ref != null) {
                out.add(ref);
            }
            return;
        }
        for (JsonNode child : value) {
            keras3Tensors(child, keyword, out);
        }
    }

    /**
     * A Keras 1/2 entry {@code [layer, node, tensor, kwargs]}; tf.keras also recorded tensors
     * passed by keyword inside the kwargs as bare triples ({@code "value": ["v", 0, 0]}).
     */
    private static void legacyEntry(JsonNode entry, List<TensorRef> out) {
        TensorRef ref = triple(entry, null, null);
        if (ref == null) {
            return;
        }
        out.add(ref);
        if (entry.size() > 3 && entry.get(3).isObject()) {
            entry.get(3).fields().forEachRemaining(f -> kwargTensors(f.getValue(), f.getKey(), out));
        }
    }

    private static void kwargTensors(JsonNode value, String keyword, List<TensorRef> out) {
        TensorRef ref = value.isArray() && value.size() == 3 ? triple(value, keyword, null) : null;
        if (ref != null) {
            out.add(ref);
            return;
        }
        for (JsonNode child : value) {
            kwargTensors(child, keyword, out);
        }
    }

    private static TensorRef triple(JsonNode n, String keyword, List<Long> shape) {
        if (n == null || !n.isArray() || n.size() < 3 || !n.get(0).isTextual()
                || !n.get(1).isIntegralNumber() || !n.get(2).isIntegralNumber()) {
            return null;
        }
        return new TensorRef(n.get(0).asText(), n.get(1).asInt(), n.get(2).asInt(), keyword, shape);
    }

    /** A recorded shape, {@code null} entries for unknown dimensions; null when absent or not a shape. */
    private static List<Long> dims(JsonNode shape) {
        if (shape == null || !shape.isArray()) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode d : shape) {
            if (d.isNull()) {
                out.add(null);
            } else if (d.isIntegralNumber()) {
                out.add(d.asLong());
            } else {
                return null;
            }
        }
        return out;
    }
}
