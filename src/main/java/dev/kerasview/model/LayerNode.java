package dev.kerasview.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One layer (or model, or optimizer) of the tree, with its stored variables and children.
 *
 * @param name           the layer's own name ({@code z_mean}); for groups known only from the
 *                       weights file, the {@code name} attribute or the last path segment
 * @param className      Keras class name ({@code Dense}, {@code Functional}, {@code VAE})
 * @param registeredName {@code registered_name} from the config ({@code vae>VAE}), or null
 * @param module         {@code module} from the config, or null
 * @param kind           what the node stands for
 * @param path           the weights group path without {@code /vars} ({@code layers/dense});
 *                       {@code ""} for the root model; for legacy .h5 the layer group
 *                       ({@code model_weights/dense}); null when the layer has no group
 * @param config         the layer's config object as compact JSON (made when first read), or null
 * @param figures        output shapes, parameter count and compute cost as far as known, or
 *                       null when not computed (a tree built without a config)
 * @param inboundCalls   number of calls of the layer in its model graph (more than 1: shared)
 * @param variables      the layer's own stored variables, in Keras's order
 * @param children       nested models' layers, a wrapper's inner layer, an RNN's cell
 * @param problem        why this part of the file could not be read, or null
 */
public record LayerNode(String name, String className, String registeredName, String module,
                        LayerKind kind, String path, DeferredText config, LayerFigures figures,
                        int inboundCalls, List<VariableInfo> variables, List<LayerNode> children,
                        String problem) {

    public LayerNode {
        variables = List.copyOf(variables);
        children = List.copyOf(children);
    }

    /** The output shape as Keras's summary writes it ({@code (None, 16)}), or null when unknown. */
    public String outputShape() {
        return figures == null ? null : figures.outputShapeText();
    }

    /** The layer's config object as compact JSON, or null. */
    public String configJson() {
        return config == null ? null : config.get();
    }

    /** True when the layer is called more than once in its model graph. */
    public boolean shared() {
        return inboundCalls > 1;
    }

    /** The variables of this node and all its descendants, depth first in tree order. */
    public List<VariableInfo> allVariables() {
        List<VariableInfo> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(LayerNode node, List<VariableInfo> out) {
        out.addAll(node.variables);
        for (LayerNode c : node.children) {
            collect(c, out);
        }
    }

    /** Parameters (elements) of this node and all its descendants. */
    public long parameterCount() {
        long n = 0;
        for (VariableInfo v : variables) {
            n += v.elementCount();
        }
        for (LayerNode c : children) {
            n += c.parameterCount();
        }
        return n;
    }

    /** Stored bytes of this node and all its descendants. */
    public long byteSize() {
        long n = 0;
        for (VariableInfo v : variables) {
            n += v.byteSize();
        }
        for (LayerNode c : children) {
            n += c.byteSize();
        }
        return n;
    }
}
