package dev.kerasview.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model's layers connect, read from its config: nodes are layers (nested models are
 * groups holding theirs), edges follow the inbound nodes. No layout, no JavaFX.
 *
 * @param nodes every node, each group before its members
 * @param edges distinct connections, in config order
 */
public record LayerGraph(List<GraphNode> nodes, List<GraphEdge> edges) {

    public LayerGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** Nodes by id. */
    public Map<String, GraphNode> byId() {
        Map<String, GraphNode> out = new HashMap<>();
        for (GraphNode n : nodes) {
            out.put(n.id(), n);
        }
        return out;
    }
}
