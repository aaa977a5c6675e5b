package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.config.KerasJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The sub-layers Keras's composite built-ins create, in the order the load walk visits their
 * attributes (public names first, then private ones, each in code-point order).
 */
final class CompositeLayers {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CompositeLayers() {
    }

    static List<SubLayerSpec> of(String className, JsonNode config, BuildShapes shapes) {
        if (config == null) {
            return List.of();
        }
        return switch (className) {
            case "LSTM" -> List.of(cell("lstm_cell", "LSTMCell", config, timeStep(shapes)));
            case "GRU" -> List.of(cell("gru_cell", "GRUCell", config, timeStep(shapes)));
            case "SimpleRNN" -> List.of(cell("simple_rnn_cell", "SimpleRNNCell", config,
                    timeStep(shapes)));
            case "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D" -> List.of(cell("conv_lstm_cell",
                    "ConvLSTMCell", config, timeStep(shapes)));
            case "RNN" -> genericRnn(config, shapes);
            case "Bidirectional" -> bidirectional(config, shapes);
            case "TimeDistributed" -> wrapped(config, timeStep(shapes));
            case "SpectralNormalization" -> wrapped(config, shapes.input());
            case "MultiHeadAttention" -> multiHeadAttention(config, shapes);
            default -> List.of();
        };
    }

    /** The input shape without its time axis: what a cell or a time-distributed layer sees. */
    private static List<Long> timeStep(BuildShapes shapes) {
        List<Long> in = shapes.input();
        if (in == null || in.size() < 2) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        out.add(in.get(0));
        out.addAll(in.subList(2, in.size()));
        return out;
    }

    private static SubLayerSpec cell(String name, String className, JsonNode config,
                                     List<Long> shape) {
        return new SubLayerSpec("cell", name, className, KerasJson.toCompactJson(config),
                shapeJson(shape));
    }

    private static List<SubLayerSpec> genericRnn(JsonNode config, BuildShapes shapes) {
        JsonNode cell = config.get("cell");
        if (cell == null || !cell.isObject()) {
            return List.of();
        }
        JsonNode cellConfig = cell.get("config");
        return List.of(new SubLayerSpec("cell", Dims.text(cellConfig, "name", null),
                Dims.text(cell, "class_name", null),
                cellConfig == null ? null : KerasJson.toCompactJson(cellConfig),
                shapeJson(timeStep(shapes))));
    }

    private static List<SubLayerSpec> bidirectional(JsonNode config, BuildShapes shapes) {
        JsonNode forward = config.get("layer");
        if (forward == null || !forward.isObject()) {
            return List.of();
        }
        JsonNode forwardConfig = forward.get("config");
        String forwardName = "forward_" + strip(Dims.text(forwardConfig, "name", ""), "forward_");
        String input = shapeJson(shapes.input());
        List<SubLayerSpec> out = new ArrayList<>();
        JsonNode backward = config.get("backward_layer");
        if (backward != null && backward.isObject()) {
            JsonNode backwardConfig = backward.get("config");
            out.add(new SubLayerSpec("backward_layer", Dims.text(backwardConfig, "name", null),
                    Dims.text(backward, "class_name", null),
                    backwardConfig == null ? null : KerasJson.toCompactJson(backwardConfig),
                    input));
        } else {
            out.add(new SubLayerSpec("backward_layer", "backward_"
                    + strip(Dims.text(forwardConfig, "name", ""), "backward_"),
                    Dims.text(forward, "class_name", null),
                    forwardConfig == null ? null : KerasJson.toCompactJson(forwardConfig),
                    input));
        }
        out.add(new SubLayerSpec("forward_layer", forwardName,
                Dims.text(forward, "class_name", null),
                forwardConfig == null ? null : KerasJson.toCompactJson(forwardConfig), input));
        return out;
    }

    private static List<SubLayerSpec> wrapped(JsonNode config, List<Long> shape) {
        JsonNode layer = config.get("layer");
        if (layer == null || !layer.isObject()) {
            return List.of();
        }
        JsonNode inner = layer.get("config");
        return List.of(new SubLayerSpec("layer", Dims.text(inner, "name", null),
                Dims.text(layer, "class_name", null),
                inner == null ? null : KerasJson.toCompactJson(inner), shapeJson(shape)));
    }

    private static List<SubLayerSpec> multiHeadAttention(JsonNode config, BuildShapes shapes) {
        List<Long> query = shapes.named("query_shape");
        List<Long> value = shapes.named("value_shape");
        List<Long> key = shapes.named("key_shape");
        if (query == null) {
            query = shapes.input();
        }
        if (value == null) {
            value = query;
        }
        if (key == null) {
            key = value;
        }
        long heads = Dims.intOf(config, "num_heads", 1);
        long keyDim = Dims.intOf(config, "key_dim", 0);
        long valueDim = Dims.intOf(config, "value_dim", keyDim);
        boolean bias = Dims.flag(config, "use_bias", true);
        List<Long> outShape = outputShape(config.get("output_shape"), query);
        List<SubLayerSpec> out = new ArrayList<>();
        SubLayerPolicies policies = new SubLayerPolicies(config);
        out.add(projection("key_dense", "key", key, heads, keyDim, bias)
                .withDtype(policies.of("key")));
        List<Long> attended = null;
        if (query != null) {
            attended = new ArrayList<>(query.subList(0, query.size() - 1));
            attended.add(heads);
            attended.add(valueDim);
        }
        out.add(outputProjection(query, attended, outShape, bias)
                .withDtype(policies.of("attention_output")));
        out.add(projection("query_dense", "query", query, heads, keyDim, bias)
                .withDtype(policies.of("query")));
        out.add(projection("value_dense", "value", value, heads, valueDim, bias)
                .withDtype(policies.of("value")));
        out.add(new SubLayerSpec("_dropout_layer", "dropout", "Dropout", "{}", null));
        if (Dims.flag(config, "use_gate", false)) {
            out.add(projection("_gate_dense", "gate", query, heads, valueDim, bias)
                    .withDtype(policies.of("gate")));
        }
        out.add(new SubLayerSpec("_softmax", "softmax", "Softmax", "{}", null));
        return out;
    }

    private static List<Long> outputShape(JsonNode node, List<Long> query) {
        if (node != null && node.isNumber()) {
            return List.of(node.asLong());
        }
        List<Long> configured = Dims.fromJson(node);
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        Long last = Dims.at(query, -1);
        List<Long> out = new ArrayList<>();
        out.add(last);
        return out;
    }

    /** A query/key/value projection: einsum over the last axis into (heads, dim). */
    private static SubLayerSpec projection(String attribute, String name, List<Long> input,
                                           long heads, long dim, boolean bias) {
        int free = input == null ? 2 : input.size() - 1;
        String letters = "abcdefghijklmnopqrstuvwxyz";
        String freeStr = letters.substring(0, free);
        char bound = letters.charAt(free);
        String outLetters = letters.substring(free + 1, free + 3);
        String equation = freeStr + bound + "," + bound + outLetters + "->" + freeStr + outLetters;
        List<Long> output = new ArrayList<>();
        for (int i = 0; i < free - 1; i++) {
            output.add(null);
        }
        output.add(heads);
        output.add(dim);
        return einsum(attribute, name, equation, output, bias ? outLetters : null, input);
    }

    private static SubLayerSpec outputProjection(List<Long> query, List<Long> input,
                                                 List<Long> outShape, boolean bias) {
        int free = query == null ? 2 : query.size() - 1;
        String letters = "abcdefghijklmnopqrstuvwxyz";
        String freeStr = letters.substring(0, free);
        String bound = letters.substring(free, free + 2);
        String outLetters = letters.substring(free + 2, free + 2 + outShape.size());
        String equation = freeStr + bound + "," + bound + outLetters + "->" + freeStr + outLetters;
        List<Long> output = new ArrayList<>();
        for (int i = 0; i < free - 1; i++) {
            output.add(null);
        }
        output.addAll(outShape);
        return einsum("output_dense", "attention_output", equation, output,
                bias ? outLetters : null, input);
    }

    private static SubLayerSpec einsum(String attribute, String name, String equation,
                                       List<Long> output, String biasAxes, List<Long> input) {
        ObjectNode c = JSON.objectNode();
        c.put("name", name);
        c.put("equation", equation);
        ArrayNode out = c.putArray("output_shape");
        for (Long d : output) {
            if (d == null) {
                out.addNull();
            } else {
                out.add(d);
            }
        }
        if (biasAxes == null) {
            c.putNull("bias_axes");
        } else {
            c.put("bias_axes", biasAxes);
        }
        return new SubLayerSpec(attribute, name, "EinsumDense", KerasJson.toCompactJson(c),
                shapeJson(input));
    }

    static String shapeJson(List<Long> shape) {
        if (shape == null) {
            return null;
        }
        ArrayNode a = JSON.arrayNode();
        for (Long d : shape) {
            if (d == null) {
                a.addNull();
            } else {
                a.add(d);
            }
        }
        return KerasJson.toCompactJson(a);
    }

    private static String strip(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }
}
