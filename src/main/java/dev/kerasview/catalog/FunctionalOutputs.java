package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.InboundNodes;
import dev.kerasview.config.LayerConfig;
import dev.kerasview.config.TensorRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The output shapes of each call of each layer of one Functional graph, as they are computed,
 * and the shapes Keras recorded with the tensors that calls pass on (Keras 3 configs).
 */
final class FunctionalOutputs {

    /** Keyword arguments that are inputs, not masks or flags. */
    private static final Set<String> INPUT_KWARGS = Set.of("inputs", "query", "value", "key");

    private final Map<String, List<List<List<Long>>>> byLayer = new HashMap<>();
    private final Map<String, List<Long>> recorded = new HashMap<>();
    /** Nested Functional models: their node 0 is the one linking their own inputs to outputs. */
    private final Set<String> functional = new HashSet<>();

    FunctionalOutputs(List<LayerConfig> layers) {
        for (LayerConfig lc : layers) {
            if (lc.hasLayerList() && !lc.isSequential() && !lc.config().isArray()) {
                functional.add(lc.name());
            }
        }
        for (LayerConfig lc : layers) {
            JsonNode nodes = lc.envelope().get("inbound_nodes");
            if (nodes == null || !nodes.isArray()) {
                continue;
            }
            for (JsonNode node : nodes) {
                for (TensorRef t : inputs(node)) {
                    if (t.shape() != null) {
                        recorded.put(key(t.layer(), call(t), t.tensorIndex()), t.shape());
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
    List<List<Long>> resolve(List<TensorRef> refs) {
        if (refs.isEmpty()) {
            return null;
        }
        List<List<Long>> out = new ArrayList<>();
        for (TensorRef t : refs) {
            List<Long> shape = t.shape() != null ? t.shape() : computed(t);
            if (shape == null) {
                return null;
            }
            out.add(shape);
        }
        return out;
    }

    private List<Long> computed(TensorRef t) {
        List<List<List<Long>>> calls = byLayer.get(t.layer());
        int call = call(t);
        if (calls == null || call < 0 || call >= calls.size() || calls.get(call) == null) {
            return recorded.get(key(t.layer(), call, t.tensorIndex()));
        }
        List<List<Long>> outs = calls.get(call);
        return t.tensorIndex() < outs.size() ? outs.get(t.tensorIndex()) : null;
    }

    /** The config's call index of a reference; Keras counts a nested model's own node first. */
    private int call(TensorRef t) {
        return functional.contains(t.layer()) ? t.nodeIndex() - 1 : t.nodeIndex();
    }

    /** The input tensors of one call: positional ones and those passed as inputs by keyword. */
    static List<TensorRef> inputs(JsonNode call) {
        List<TensorRef> out = new ArrayList<>();
        for (TensorRef t : InboundNodes.tensors(call)) {
            if (t.keyword() == null || INPUT_KWARGS.contains(t.keyword())) {
                out.add(t);
            }
        }
        return out;
    }

    private static String key(String layer, int node, int tensor) {
        return layer + "\u0000" + node + "\u0000" + tensor;
    }
}
