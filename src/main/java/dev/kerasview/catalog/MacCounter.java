package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.model.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Multiply-accumulate operations of one call of a built-in layer, per sample (the batch axis
 * left out). Weighted layers count one MAC per kernel element and output position; the
 * normalizations one per output element (their scale and shift); layers that only move,
 * pool or add values count none. Null when a shape it needs is unknown, or for custom code.
 */
final class MacCounter {

    /** Normalizations: one multiply-add per output element. */
    private static final Set<String> PER_ELEMENT = Set.of(
            "BatchNormalization", "LayerNormalization", "GroupNormalization",
            "RMSNormalization", "UnitNormalization", "Normalization", "PReLU");

    /** keras.ops calls that only add, compare or reduce values. */
    private static final Set<String> PLAIN_OPERATIONS = Set.of(
            "Add", "Subtract", "Multiply", "Maximum", "Minimum", "Max", "Min", "Mean", "Sum");

    private final LayerCatalog catalog;
    private final OutputShapes shapes;

    MacCounter(LayerCatalog catalog, OutputShapes shapes) {
        this.catalog = catalog;
        this.shapes = shapes;
    }

    /** A {@code keras.ops} call: none for the plain elementwise and reducing ones, else null. */
    static Long operation(String className) {
        return PLAIN_OPERATIONS.contains(className) ? Long.valueOf(0) : null;
    }

    /**
     * @param inputs      the call's input shapes
     * @param outputs     its output shapes, or null
     * @param buildConfig the build_config the layer's variables follow
     */
    Long count(String className, JsonNode config, List<List<Long>> inputs,
               List<List<Long>> outputs, JsonNode buildConfig) {
        if (className == null || className.equals("Lambda") || outputs == null
                || inputs == null || Dims.anyNull(inputs)) {
            return null;
        }
        List<Long> out = outputs.get(0);
        List<Long> in = inputs.isEmpty() ? null : inputs.get(0);
        return switch (className) {
            // the logical kernel (inputs × units), packed or not when quantized
            case "Dense" -> perPosition(Dims.of(Dims.at(in, -1), Dims.optionalInt(config, "units")),
                    out, 1);
            case "EinsumDense" -> einsum(config, in, out, buildConfig);
            case "Conv1D", "Conv2D", "Conv3D", "Convolution1D", "Convolution2D",
                 "Convolution3D" -> perPosition(kernel(className, config, buildConfig), out, 1);
            case "DepthwiseConv1D", "DepthwiseConv2D" ->
                    perPosition(kernel(className, config, buildConfig), out, 1);
            case "SeparableConv1D", "SeparableConv2D", "SeparableConvolution1D",
                 "SeparableConvolution2D" -> separable(className, config, out, buildConfig);
            case "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
                 "Convolution1DTranspose", "Convolution2DTranspose",
                 "Convolution3DTranspose" -> transpose(className, config, in, buildConfig);
            case "LSTM" -> recurrent(config, in, 4);
            case "GRU" -> recurrent(config, in, 3);
            case "SimpleRNN" -> recurrent(config, in, 1);
            case "Bidirectional" -> bidirectional(config, inputs, buildConfig);
            case "TimeDistributed" -> timeDistributed(config, in);
            case "MultiHeadAttention" -> multiHeadAttention(config, inputs, out);
            case "Attention", "AdditiveAttention" -> attention(inputs);
            case "Embedding" -> 0L;
            default -> PER_ELEMENT.contains(className) ? elements(out)
                    : weightless(className, config, buildConfig) ? Long.valueOf(0) : null;
        };
    }

    /** A known class with no variables and no sub-layers: pooling, reshaping, merging. */
    private boolean weightless(String className, JsonNode config, JsonNode buildConfig) {
        return catalog.ownVariables(className, config, buildConfig).map(List::isEmpty)
                .orElse(false) && catalog.subLayers(className, config, buildConfig).isEmpty();
    }

    /** Kernel elements times output positions (elements over the last {@code tail} axes). */
    private static Long perPosition(List<Long> kernel, List<Long> out, int tail) {
        Long positions = positions(out, tail);
        return kernel == null || positions == null ? null
                : Shapes.elementCount(kernel) * positions;
    }

    private Long separable(String className, JsonNode config, List<Long> out,
                           JsonNode buildConfig) {
        Optional<List<VariableSpec>> vars = catalog.ownVariables(className, config, buildConfig);
        Long positions = positions(out, 1);
        if (vars.isEmpty() || positions == null) {
            return null;
        }
        long kernels = 0;
        for (VariableSpec v : vars.get()) {
            if (v.name().endsWith("_kernel")) {
                if (v.shape() == null) {
                    return null;
                }
                kernels += Shapes.elementCount(v.shape());
            }
        }
        return kernels * positions;
    }

    private Long transpose(String className, JsonNode config, List<Long> in,
                           JsonNode buildConfig) {
        // Every input position scatters its channels through the whole kernel.
        return perPosition(kernel(className, config, buildConfig), in, 1);
    }

    private static Long recurrent(JsonNode config, List<Long> in, int gates) {
        Long units = Dims.optionalInt(config, "units");
        if (in == null || in.size() != 3 || units == null || in.get(1) == null
                || in.get(2) == null) {
            return null;
        }
        return in.get(1) * gates * units * (in.get(2) + units);
    }

    private Long bidirectional(JsonNode config, List<List<Long>> inputs, JsonNode buildConfig) {
        JsonNode layer = config.path("layer");
        String inner = Dims.text(layer, "class_name", null);
        List<List<Long>> innerOut = shapes.of(inner, layer.path("config"), inputs);
        Long one = count(inner, layer.path("config"), inputs, innerOut, buildConfig);
        return one == null ? null : 2 * one;
    }

    private Long timeDistributed(JsonNode config, List<Long> in) {
        if (in == null || in.size() < 3 || in.get(1) == null) {
            return null;
        }
        List<Long> step = new ArrayList<>();
        step.add(in.get(0));
        step.addAll(in.subList(2, in.size()));
        JsonNode layer = config.path("layer");
        String inner = Dims.text(layer, "class_name", null);
        List<List<Long>> innerOut = shapes.of(inner, layer.path("config"), List.of(step));
        Long one = count(inner, layer.path("config"), List.of(step), innerOut,
                catalog.buildConfigOf(new SubLayerSpec("layer", null, inner, null,
                        CompositeLayers.shapeJson(step))));
        return one == null ? null : in.get(1) * one;
    }

    /** Q, K, V and output projections, plus the scores and their weighted sum. */
    private static Long multiHeadAttention(JsonNode config, List<List<Long>> inputs,
                                           List<Long> out) {
        List<Long> query = inputs.get(0);
        List<Long> value = inputs.size() > 1 ? inputs.get(1) : query;
        List<Long> key = inputs.size() > 2 ? inputs.get(2) : value;
        long heads = Dims.intOf(config, "num_heads", 1);
        long keyDim = Dims.intOf(config, "key_dim", 0);
        long valueDim = Dims.intOf(config, "value_dim", keyDim);
        Long tq = positions(query, 1);
        Long tk = positions(key, 1);
        Long tv = positions(value, 1);
        Long dq = Dims.at(query, -1);
        Long dk = Dims.at(key, -1);
        Long dv = Dims.at(value, -1);
        Long outWidth = positions(out, 0) == null || tq == null ? null : positions(out, 0) / tq;
        if (tq == null || tk == null || tv == null || dq == null || dk == null || dv == null
                || outWidth == null) {
            return null;
        }
        long projections = tq * dq * heads * keyDim + tk * dk * heads * keyDim
                + tv * dv * heads * valueDim + tq * heads * valueDim * outWidth;
        long scores = heads * tq * tk * keyDim + heads * tq * tk * valueDim;
        return projections + scores;
    }

    /** Query-key scores and their weighted sum of values. */
    private static Long attention(List<List<Long>> inputs) {
        if (inputs.size() < 2) {
            return null;
        }
        List<Long> query = inputs.get(0);
        List<Long> value = inputs.get(1);
        Long tq = positions(query, 1);
        Long tv = positions(value, 1);
        Long dim = Dims.at(query, -1);
        Long dv = Dims.at(value, -1);
        return tq == null || tv == null || dim == null || dv == null ? null
                : tq * tv * dim + tq * tv * dv;
    }

    /** Output elements times the contracted kernel axes (those not in the output). */
    private Long einsum(JsonNode config, List<Long> in, List<Long> out, JsonNode buildConfig) {
        String equation = Dims.text(config, "equation", null);
        List<Long> kernel = kernel("EinsumDense", config, buildConfig);
        Long elements = elements(out);
        if (equation == null || kernel == null || elements == null || !equation.contains("->")) {
            return null;
        }
        String[] io = equation.split("->");
        String[] operands = io[0].split(",");
        if (operands.length != 2 || operands[1].length() != kernel.size()) {
            return null;
        }
        long contracted = 1;
        for (int i = 0; i < kernel.size(); i++) {
            if (io[1].indexOf(operands[1].charAt(i)) < 0) {
                contracted *= kernel.get(i);
            }
        }
        return elements * contracted;
    }

    private List<Long> kernel(String className, JsonNode config, JsonNode buildConfig) {
        for (VariableSpec v : catalog.ownVariables(className, config, buildConfig)
                .orElse(List.of())) {
            if (v.name().equals("kernel")) {
                return v.shape();
            }
        }
        return null;
    }

    /** Elements of a shape without its batch axis, or null when one is unknown. */
    static Long elements(List<Long> shape) {
        return positions(shape, 0);
    }

    /** Elements of the axes between the batch axis and the last {@code tail}, or null. */
    private static Long positions(List<Long> shape, int tail) {
        if (shape == null || shape.size() < 1 + tail) {
            return null;
        }
        long n = 1;
        for (Long d : shape.subList(1, shape.size() - tail)) {
            if (d == null) {
                return null;
            }
            n *= d;
        }
        return n;
    }
}
