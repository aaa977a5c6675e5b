package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.LayerConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The output shapes of each call of each layer of one Functional graph, as they are computed,
 * and the shapes Keras recorded with the tensors that calls pass on (Keras 3 configs).
 */
final class FunctionalOutputs {

    private final Map<String, List<List<List<Long>>>> byLayer = new HashMap<>();
    private final Map<String, List<Long>> recorded = new HashMap<>();

    FunctionalOutputs(List<LayerConfig> layers) {
        for (LayerConfig lc : layers) {
            JsonNode nodes = lc.envelope().get("inbound_nodes");
            if (nodes == null || !nodes.isArray()) {
                continue;
            }
            for (JsonNode node : nodes) {
                for (InboundNodes.TensorRef t : InboundNodes.inputs(node)) {
                    if (t.shape() != null) {
                        recorded.put(key(t.layer(), t.node(), t.tensor()), t.shape());
                    }
                }
            }
        }
    }

    /** Records the outputs of a layer's next call (null when unknown). */
    void add(String layer, List<List<Long>> outputs) {
        byLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(outputs);
    }

    /** The shapes Keras recorded for a call's outputs where later calls consume them, or null. */
    List<List<Long>> recorded(String layer, int node) {
        List<List<Long>> out = new ArrayList<>();
        for (int t = 0; recorded.containsKey(key(layer, node, t)); t++) {
            out.add(recorded.get(key(layer, node, t)));
        }
        return out.isEmpty() ? null : out;
    }

    /** The shapes of a call's input tensors: as recorded, else as computed; null if unknown. */
    List<List<Long>> resolve(List<InboundNodes.TensorRef> refs) {
        if (refs.isEmpty()) {
            return null;
        }
        List<List<Long>> out = new ArrayList<>();
        for (InboundNodes.TensorRef t : refs) {
            List<Long> shape = t.shape() != null ? t.shape() : computed(t);
            if (shape == null) {
                return null;
            }
            out.add(shape);
        }
        return out;
    }

    private List<Long> computed(InboundNodes.TensorRef t) {
        List<List<List<Long>>> calls = byLayer.get(t.layer());
        if (calls == null || t.node() >= calls.size() || calls.get(t.node()) == null) {
            return recorded.get(key(t.layer(), t.node(), t.tensor()));
        }
        List<List<Long>> outs = calls.get(t.node());
        return t.tensor() < outs.size() ? outs.get(t.tensor()) : null;
    }

    private static String key(String layer, int node, int tensor) {
        return layer + "\u0000" + node + "\u0000" + tensor;
    }
}
