package dev.kerasview.config;

import java.util.List;

/**
 * One layer of a {@link LayerGraph}.
 *
 * @param id             unique in the graph: the enclosing models' names and the layer's, joined by {@code /}
 * @param name           the layer's own name
 * @param className      Keras class name
 * @param registeredName {@code registered_name}, or null
 * @param module         {@code module}, or null
 * @param scope          names of the nested models around it, outermost first (empty at the top level)
 * @param parent         id of the group (nested model) it sits in, or null at the top level
 * @param group          true for a nested model whose layers are nodes of their own
 * @param calls          how many times the layer is called (more than one: shared)
 * @param role           input, output or neither of its model
 */
public record GraphNode(String id, String name, String className, String registeredName, String module,
                        List<String> scope, String parent, boolean group, int calls, Role role) {

    /** Where a node stands in its model's signature. */
    public enum Role { INPUT, OUTPUT, INNER }

    public GraphNode {
        scope = List.copyOf(scope);
    }
}
