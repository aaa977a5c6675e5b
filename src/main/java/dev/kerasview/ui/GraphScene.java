package dev.kerasview.ui;

import dev.kerasview.config.LayerGraph;
import dev.kerasview.model.LayerNode;
import java.util.Map;
import java.util.Set;

/**
 * A laid-out graph with the tree's layers behind its nodes.
 *
 * @param graph     the connections read from the config
 * @param layers    the tree's layer behind each node id (nodes the tree does not show have none)
 * @param collapsed ids of the groups shown closed
 * @param layout    where everything is drawn
 */
public record GraphScene(LayerGraph graph, Map<String, LayerNode> layers, Set<String> collapsed,
                         GraphLayout layout) {

    public GraphScene {
        layers = Map.copyOf(layers);
        collapsed = Set.copyOf(collapsed);
    }
}
