package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.catalog.FigureTable;
import dev.kerasview.config.KerasJson;
import dev.kerasview.config.LayerConfig;
import dev.kerasview.model.DeferredText;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.LayerFigures;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ParamCount;
import dev.kerasview.model.VariableInfo;
import java.util.ArrayList;
import java.util.List;

/** A layer node while the tree is being assembled (mutable, local to one build). */
final class Draft {

    String name;
    String className;
    String registeredName;
    String module;
    LayerKind kind;
    /** Where Keras's save walk puts the layer's group, or null (an op, a Sequential's input). */
    String predictedPath;
    /** The group whose variables this node shows, once resolved. */
    H5Group group;
    LayerConfig config;
    /** Config to name variables by, when it differs from {@link #config} (an RNN cell). */
    JsonNode namingConfig;
    String namingClass;
    int inboundCalls;
    String problem;
    final List<VariableInfo> variables = new ArrayList<>();
    final List<Draft> children = new ArrayList<>();

    static Draft of(LayerConfig lc, LayerKind kind, String predictedPath) {
        Draft d = new Draft();
        d.name = lc.name();
        d.className = lc.className();
        d.registeredName = lc.registeredName();
        d.module = lc.module();
        d.kind = kind;
        d.predictedPath = predictedPath;
        d.config = lc;
        d.inboundCalls = lc.inboundCalls();
        return d;
    }

    /**
     * A model's own envelope without its {@code layers} list: the layers are the children, and
     * repeating them at every nesting level would cost time quadratic in the depth.
     */
    private static JsonNode withoutLayerList(LayerConfig lc) {
        JsonNode env = lc.envelope();
        if (!lc.hasLayerList() || !env.isObject()) {
            return env;
        }
        ObjectNode copy = ((ObjectNode) env)
                .objectNode();
        env.fields().forEachRemaining(f -> copy.set(f.getKey(), f.getValue()));
        JsonNode cfg = env.get("config");
        if (cfg != null && cfg.isObject()) {
            ObjectNode c = copy.objectNode();
            cfg.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("layers")) {
                    c.set(f.getKey(), f.getValue());
                }
            });
            copy.set("config", c);
        } else {
            copy.remove("config");
        }
        return copy;
    }

    /**
     * A built-in's sub-layer known from the weights file (an RNN cell, a wrapped layer, an
     * attention projection): its stored parameters, which are what Keras builds; its output
     * shape is not computed (Keras's summary does not list it).
     */
    private LayerFigures partFigures() {
        if (kind != LayerKind.LAYER || namingClass == null || group == null) {
            return null;
        }
        long[] counts = new long[2];
        storedCounts(this, counts);
        return new LayerFigures(null, ParamCount.of(counts[0], counts[1]), null);
    }

    private static void storedCounts(Draft d, long[] counts) {
        for (VariableInfo v : d.variables) {
            counts[v.trainable() ? 0 : 1] += v.elementCount();
        }
        for (Draft c : d.children) {
            storedCounts(c, counts);
        }
    }

    /** The node with no summary figures (a tree built without a config). */
    LayerNode toNode() {
        return toNode(null);
    }

    /** The node, each layer carrying its figures from {@code figures} (may be null). */
    LayerNode toNode(FigureTable figures) {
        List<LayerNode> kids = new ArrayList<>();
        for (Draft c : children) {
            kids.add(c.toNode(figures));
        }
        String path = group == null ? null : group.path();
        LayerConfig own = config;
        DeferredText json = own == null ? null : DeferredText.from(() -> KerasJson.toPythonJson(withoutLayerList(own)));
        LayerFigures shown = figures == null ? null
                : own != null ? figures.of(own.envelope()) : partFigures();
        return new LayerNode(name, className, registeredName, module, kind, path, json, shown,
                inboundCalls, variables, kids, problem);
    }
}
