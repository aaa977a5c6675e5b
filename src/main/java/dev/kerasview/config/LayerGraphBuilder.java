package dev.kerasview.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link LayerGraph} from a model config: a Functional's layers connect as their
 * inbound nodes say, a Sequential's in list order, and a subclassed model's nested models and
 * layers (the parts its config records) stand side by side, unconnected, since the calls between
 * them live in Python code the config does not hold.
 */
public final class LayerGraphBuilder {

    private final List<GraphNode> nodes = new ArrayList<>();
    private final Set<GraphEdge> edges = new LinkedHashSet<>();

    private LayerGraphBuilder() {
    }

    /** The graph of the model whose config envelope is {@code root}. */
    public static LayerGraph of(JsonNode root) {
        LayerGraphBuilder b = new LayerGraphBuilder();
        LayerConfig model = new LayerConfig(root);
        if (model.hasLayerList()) {
            b.container(model, List.of(), null);
        } else {
            b.parts(root.path("config"), List.of(), null);
        }
        return new LayerGraph(b.nodes, new ArrayList<>(b.edges));
    }

    /** The layers of a Sequential or Functional, with its connections. */
    private void container(LayerConfig model, List<String> scope, String parentId) {
        List<LayerConfig> layers = model.layers();
        Set<String> inputs = signatureNames(model.config().path("input_layers"));
        Set<String> outputs = signatureNames(model.config().path("output_layers"));
        boolean chain = model.config().isArray() || "Sequential".equals(model.className());
        Set<String> names = new HashSet<>();
        for (LayerConfig l : layers) {
            names.add(l.name());
        }
        String previous = null;
        for (int i = 0; i < layers.size(); i++) {
            LayerConfig l = layers.get(i);
            GraphNode.Role role = l.isInputLayer() || inputs.contains(l.name()) || (chain && i == 0)
                    ? GraphNode.Role.INPUT
                    : outputs.contains(l.name()) || (chain && i == layers.size() - 1) ? GraphNode.Role.OUTPUT
                    : GraphNode.Role.INNER;
            String id = add(l, scope, parentId, role);
            if (chain) {
                if (previous != null) {
                    edges.add(new GraphEdge(previous, id));
                }
                previous = id;
            } else {
                for (List<TensorRef> call : InboundNodes.calls(l.envelope().get("inbound_nodes"))) {
                    for (TensorRef t : call) {
                        if (names.contains(t.layer())) {
                            edges.add(new GraphEdge(id(scope, t.layer()), id));
                        }
                    }
                }
            }
        }
    }

    /** The layer envelopes found in a subclassed model's config, each a node of its own. */
    private void parts(JsonNode value, List<String> scope, String parentId) {
        if (LayerConfig.isLayerEnvelope(value)) {
            add(new LayerConfig(value), scope, parentId, GraphNode.Role.INNER);
            return;
        }
        if (value.isContainerNode()) {
            for (JsonNode child : value) {
                parts(child, scope, parentId);
            }
        }
    }

    private String add(LayerConfig l, List<String> scope, String parentId, GraphNode.Role role) {
        String id = id(scope, l.name());
        boolean group = l.hasLayerList();
        nodes.add(new GraphNode(id, l.name(), l.className(), l.registeredName(), l.module(), scope, parentId,
                group, Math.max(1, l.inboundCalls()), role));
        if (group) {
            List<String> inner = new ArrayList<>(scope);
            inner.add(l.name());
            container(l, inner, id);
        }
        return id;
    }

    private static String id(List<String> scope, String name) {
        return scope.isEmpty() ? name : String.join("/", scope) + "/" + name;
    }

    /** Layer names of {@code input_layers}/{@code output_layers}. */
    private static Set<String> signatureNames(JsonNode list) {
        Set<String> out = new HashSet<>();
        InboundNodes.references(list).forEach(t -> out.add(t.layer()));
        return out;
    }}
