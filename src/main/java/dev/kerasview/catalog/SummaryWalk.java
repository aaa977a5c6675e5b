package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.InboundNodes;
import dev.kerasview.config.LayerConfig;
import dev.kerasview.model.LayerFigures;
import dev.kerasview.model.ParamCount;
import dev.kerasview.model.Shapes;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** One computation of summary figures over one config; records every layer's in the table. */
final class SummaryWalk {

    private final LayerCatalog catalog;
    private final OutputShapes shapes;
    private final ParamCounter params;
    private final MacCounter macs;
    private final FigureTable table;
    private final StoredParams stored;

    SummaryWalk(LayerCatalog catalog, OutputShapes shapes, ParamCounter params, MacCounter macs,
                FigureTable table, StoredParams stored) {
        this.catalog = catalog;
        this.shapes = shapes;
        this.params = params;
        this.macs = macs;
        this.table = table;
        this.stored = stored;
    }

    LayerFigures layer(LayerConfig lc, List<List<Long>> callInputs, boolean frozen) {
        boolean off = frozen || lc.frozen();
        LayerFigures f;
        if (lc.hasLayerList()) {
            f = lc.isSequential() || lc.config().isArray() ? sequential(lc, callInputs, off)
                    : functional(lc, callInputs, off);
        } else if (lc.isOperation()) {
            // A keras.ops call in the graph: no weights; elementwise ones broadcast their
            // tensor arguments, others keep the shapes Keras recorded where they are used.
            f = new LayerFigures(shapes.ofOperation(lc.className(), callInputs),
                    ParamCount.ZERO, MacCounter.operation(lc.className()));
        } else if (lc.isInputLayer()) {
            List<Long> shape = CallShapes.inputLayerShape(lc.config());
            f = new LayerFigures(shape == null ? null : List.of(shape), ParamCount.ZERO, 0L);
        } else if (!lc.isLambda() && (catalog.knows(lc.className())
                || shapes.knows(lc.className()))
                && catalog.isBuiltIn(lc.className(), lc.module(), lc.registeredName())) {
            f = builtIn(lc, callInputs, off);
        } else {
            f = custom(lc, off);
        }
        table.put(lc.envelope(), f);
        return f;
    }

    private LayerFigures builtIn(LayerConfig lc, List<List<Long>> callInputs, boolean off) {
        JsonNode build = lc.buildConfig();
        List<List<Long>> inputs = callInputs != null ? callInputs : CallShapes.buildInputs(build);
        if (build == null && inputs != null) {
            build = CallShapes.syntheticBuild(lc.className(), inputs);
        }
        List<List<Long>> outputs = shapes.of(lc.className(), lc.config(), inputs);
        ParamCount p = params.count(lc.className(), lc.config(), build, off);
        String mode = Quantization.mode(lc.config());
        ParamCount fromFile = mode == null ? null : stored.of(lc.envelope());
        if (fromFile != null && fromFile.total() != null) {
            // Quantized variables' shapes depend on the packing: the stored ones are the built ones.
            p = quantized(lc, build, mode, fromFile.total());
            p = off ? p.frozen() : p;
        }
        Long cost = macs.count(lc.className(), lc.config(), inputs, outputs, build);
        return new LayerFigures(outputs, p == null ? ParamCount.UNKNOWN : p, cost);
    }

    /**
     * A quantized layer's stored total, split as Keras builds it: float8 trains all its
     * variables (scales and histories included), the other modes only the bias.
     */
    private ParamCount quantized(LayerConfig lc, JsonNode build, String mode, long total) {
        if (mode.equals("float8")) {
            return ParamCount.of(total, 0);
        }
        long bias = 0;
        for (VariableSpec v : catalog.ownVariables(lc.className(), lc.config(), build)
                .orElse(List.of())) {
            if (v.name().equals("bias")) {
                if (v.shape() == null) {
                    return ParamCount.totalOnly(total);
                }
                bias += Shapes.elementCount(v.shape());
            }
        }
        return ParamCount.of(bias, total - bias);
    }

    /** Custom and Lambda layers: shapes unknown, parameters from sub-layers and storage. */
    private LayerFigures custom(LayerConfig lc, boolean off) {
        ParamCount sum = ParamCount.ZERO;
        boolean hasParts = false;
        if (lc.config().isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = lc.config().fields();
            while (it.hasNext()) {
                JsonNode v = it.next().getValue();
                if (LayerConfig.isLayerEnvelope(v)) {
                    sum = sum.plus(layer(new LayerConfig(v), null, off).params());
                    hasParts = true;
                }
            }
        }
        ParamCount own = lc.isLambda() ? ParamCount.ZERO : stored.of(lc.envelope());
        if (own == null) {
            own = ParamCount.UNKNOWN;
        } else if (off && own.total() != null) {
            own = own.frozen();
        }
        // Custom code's compute cost is not in the file.
        return new LayerFigures(null, hasParts ? sum.plus(own) : own, null);
    }

    private LayerFigures sequential(LayerConfig lc, List<List<Long>> callInputs,
                                    boolean off) {
        List<LayerConfig> layers = lc.layers();
        List<Long> current = sequentialInput(lc, layers, callInputs);
        ParamCount sum = ParamCount.ZERO;
        Long cost = 0L;
        for (int i = 0; i < layers.size(); i++) {
            LayerConfig child = layers.get(i);
            if (child.isInputLayer()) {
                layer(child, null, off);
                continue;
            }
            LayerFigures f = layer(child, current == null ? null : List.of(current), off);
            if (f.outputShapes() == null && i + 1 < layers.size()) {
                // Keras recorded the next layer's input shape when it built it.
                List<List<Long>> recorded = CallShapes.buildInputs(layers.get(i + 1).buildConfig());
                if (recorded != null && recorded.size() == 1) {
                    f = new LayerFigures(recorded, f.params(), f.macs());
                    table.put(child.envelope(), f);
                }
            }
            sum = sum.plus(f.params());
            cost = add(cost, f.macs());
            current = f.outputShapes() != null && f.outputShapes().size() == 1
                    ? f.outputShapes().get(0) : null;
        }
        return new LayerFigures(current == null ? null : List.of(current), sum, cost);
    }

    private List<Long> sequentialInput(LayerConfig lc, List<LayerConfig> layers,
                                       List<List<Long>> callInputs) {
        for (LayerConfig child : layers) {
            if (child.isInputLayer()) {
                return CallShapes.inputLayerShape(child.config());
            }
        }
        if (!layers.isEmpty()) {
            List<Long> declared = CallShapes.inputLayerShape(layers.get(0).config());
            if (declared != null) {
                return declared;
            }
        }
        List<List<Long>> built = CallShapes.buildInputs(lc.buildConfig());
        if (built != null && built.size() == 1) {
            return built.get(0);
        }
        return callInputs != null && callInputs.size() == 1 ? callInputs.get(0) : null;
    }

    private LayerFigures functional(LayerConfig lc, List<List<Long>> callInputs,
                                    boolean off) {
        FunctionalOutputs outputs = new FunctionalOutputs(lc.layers());
        ParamCount sum = ParamCount.ZERO;
        Long cost = 0L;
        for (LayerConfig child : lc.layers()) {
            JsonNode nodes = child.envelope().get("inbound_nodes");
            LayerFigures last;
            if (child.isInputLayer() || nodes == null || !nodes.isArray()
                    || nodes.isEmpty()) {
                last = layer(child, null, off);
                outputs.add(child.name(), last.outputShapes());
                cost = add(cost, last.macs());
            } else {
                last = null;
                Long calls = 0L;
                for (int i = 0; i < nodes.size(); i++) {
                    List<List<Long>> in = outputs.resolve(FunctionalOutputs.inputs(nodes.get(i)));
                    LayerFigures f = layer(child, in, off);
                    List<List<Long>> out = f.outputShapes() != null ? f.outputShapes()
                            : outputs.recorded(child.name(), i);
                    outputs.add(child.name(), out);
                    calls = add(calls, f.macs());
                    last = new LayerFigures(out, f.params(), null);
                }
                last = new LayerFigures(last.outputShapes(), last.params(), calls);
                table.put(child.envelope(), last);
                cost = add(cost, calls);
            }
            sum = sum.plus(last.params());
        }
        List<List<Long>> modelOut = outputs.resolve(
                InboundNodes.references(lc.config().get("output_layers")));
        return new LayerFigures(modelOut, sum, cost);
    }

    private static Long add(Long a, Long b) {
        return a == null || b == null ? null : a + b;
    }
}
