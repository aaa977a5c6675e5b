package dev.kerasview.diagnose;

import dev.kerasview.catalog.VariableSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layer's weights in the legacy .h5 order ({@code _legacy_weights}: all trainable weights,
 * then all non-trainable ones, each including sub-layers in the order they were created).
 *
 * @param weights the weights with their Keras variable paths, or null when custom code decides
 */
record LegacyWeights(List<Weight> weights) {

    /** One weight: its path ({@code ln/gamma}) and expected shape (null when unknown). */
    record Weight(String path, List<Long> shape) {
    }

    /** Sub-layers in creation order, which is the order of {@code layer.weights}. */
    private static final List<String> CREATION_ORDER = List.of("forward_layer", "backward_layer",
            "query_dense", "key_dense", "_gate_dense", "value_dense", "output_dense", "cell",
            "layer", "layers");

    static LegacyWeights of(Saveable layer) {
        List<Weight> trainable = new ArrayList<>();
        List<Weight> frozen = new ArrayList<>();
        Set<Saveable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (!collect(layer, layer.name(), true, trainable, frozen, seen)) {
            return new LegacyWeights(null);
        }
        List<Weight> all = new ArrayList<>(trainable);
        all.addAll(frozen);
        return new LegacyWeights(all);
    }

    boolean known() {
        return weights != null;
    }

    private static boolean collect(Saveable s, String prefix, boolean parentTrainable,
                                   List<Weight> trainable, List<Weight> frozen,
                                   Set<Saveable> seen) {
        if (!seen.add(s)) {
            return true;
        }
        if (!s.known()) {
            return false;
        }
        boolean on = parentTrainable && s.trainable();
        for (VariableSpec v : s.createdVariables()) {
            Weight w = new Weight(prefix + "/" + v.name(), v.shape());
            if (on && v.trainable()) {
                trainable.add(w);
            } else {
                frozen.add(w);
            }
        }
        List<Saveable.Attribute> attrs = new ArrayList<>(s.attributes());
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < CREATION_ORDER.size(); i++) {
            rank.put(CREATION_ORDER.get(i), i);
        }
        attrs.sort(Comparator.comparing(a -> rank.getOrDefault(a.name(), 99)));
        for (Saveable.Attribute a : attrs) {
            if (a.value() instanceof Saveable child) {
                if (!collect(child, prefix + "/" + child.name(), on, trainable, frozen, seen)) {
                    return false;
                }
            } else if (a.value() instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Saveable child
                            && !collect(child, child.name(), on, trainable, frozen, seen)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
