package dev.kerasview.ui;

import dev.kerasview.config.GraphNode;
import dev.kerasview.config.LayerGraph;
import dev.kerasview.model.LayerNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds the tree's layer behind each graph node by names: the nested models' names down from
 * the root, then the layer's own. Keras keeps names unique inside one model, so the path is too.
 */
final class GraphLinks {

    private GraphLinks() {
    }

    /** The tree layer of each node of {@code graph} that the tree under {@code root} shows. */
    static Map<String, LayerNode> of(LayerGraph graph, LayerNode root) {
        // by identity: records hash deeply, and a model root holds every layer
        Map<LayerNode, Map<String, LayerNode>> childrenByName = new IdentityHashMap<>();
        Map<String, LayerNode> out = new HashMap<>();
        for (GraphNode n : graph.nodes()) {
            LayerNode at = root;
            for (String scope : n.scope()) {
                at = at == null ? null : child(at, scope, childrenByName);
            }
            LayerNode layer = at == null ? null : child(at, n.name(), childrenByName);
            if (layer != null) {
                out.put(n.id(), layer);
            }
        }
        return out;
    }

    private static LayerNode child(LayerNode parent, String name, Map<LayerNode, Map<String, LayerNode>> cache) {
        return cache.computeIfAbsent(parent, p -> {
            Map<String, LayerNode> m = new HashMap<>();
            for (LayerNode c : p.children()) {
                m.putIfAbsent(c.name(), c);
            }
            return m;
        }).get(name);
    }
}
