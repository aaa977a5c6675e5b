package dev.kerasview.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a layer's {@code inbound_nodes}: one entry per call of the layer, each with the tensors
 * it consumed. Keras 3 writes {@code {"args": [...], "kwargs": {...}}} with tensors as
 * {@code __keras_tensor__} objects carrying {@code keras_history}; Keras 1/2 and tf.keras write
 * a list of {@code [layer, node_index, tensor_index, kwargs]} entries per call.
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
            List<TensorRef> tensors = new ArrayList<>();
            if (call.isObject()) {
                keras3Tensors(call, tensors);
            } else if (call.isArray()) {
                for (JsonNode entry : call) {
                    legacyEntry(entry, tensors);
                }
            }
            out.add(tensors);
        }
        return out;
    }

    /** Every {@code __keras_tensor__} under a Keras 3 call, args before kwargs as written. */
    private static void keras3Tensors(JsonNode value, List<TensorRef> out) {
        if (value.isObject() && KERAS_TENSOR.equals(value.path("class_name").asText())) {
            TensorRef ref = triple(value.path("config").path("keras_history"));
            if (ref != null) {
                out.add(ref);
            }
            return;
        }
        for (JsonNode child : value) {
            keras3Tensors(child, out);
        }
    }

    /**
     * A Keras 1/2 entry {@code [layer, node, tensor, kwargs]}; tf.keras also recorded tensors
     * passed by keyword inside the kwargs as bare triples ({@code "value": ["v", 0, 0]}).
     */
    private static void legacyEntry(JsonNode entry, List<TensorRef> out) {
        TensorRef ref = triple(entry);
        if (ref == null) {
            return;
        }
        out.add(ref);
        if (entry.size() > 3 && entry.get(3).isObject()) {
            kwargTensors(entry.get(3), out);
        }
    }

    private static void kwargTensors(JsonNode value, List<TensorRef> out) {
        TensorRef ref = value.isArray() && value.size() == 3 ? triple(value) : null;
        if (ref != null) {
            out.add(ref);
            return;
        }
        for (JsonNode child : value) {
            kwargTensors(child, out);
        }
    }

    private static TensorRef triple(JsonNode n) {
        if (n == null || !n.isArray() || n.size() < 3 || !n.get(0).isTextual()
                || !n.get(1).isIntegralNumber() || !n.get(2).isIntegralNumber()) {
            return null;
        }
        return new TensorRef(n.get(0).asText(), n.get(1).asInt(), n.get(2).asInt());
    }
}
