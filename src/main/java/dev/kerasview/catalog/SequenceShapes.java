package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Output shapes of the recurrent layers, their wrappers and the attention layers. */
final class SequenceShapes {

    private final OutputShapes shapes;

    /** @param shapes the rules a wrapper applies to its inner layer */
    SequenceShapes(OutputShapes shapes) {
        this.shapes = shapes;
    }

    /** LSTM, GRU and SimpleRNN: the sequence or the last step, then the states if returned. */
    static ShapeRule recurrent(int states) {
        return (config, inputs) -> recurrent(config, inputs, Dims.optionalInt(config, "units"),
                states);
    }

    /** The generic RNN layer: units of its cell. */
    static List<List<Long>> genericRnn(JsonNode config, List<List<Long>> inputs) {
        JsonNode cell = config.path("cell");
        Long units = Dims.optionalInt(cell.path("config"), "units");
        String cellClass = Dims.text(cell, "class_name", "");
        int states = cellClass.equals("LSTMCell") ? 2 : cellClass.isEmpty() ? -1 : 1;
        return states < 0 ? null : recurrent(config, inputs, units, states);
    }

    private static List<List<Long>> recurrent(JsonNode config, List<List<Long>> inputs,
                                              Long units, int states) {
        List<Long> in = TensorShapes.first(inputs);
        if (in == null || in.size() != 3 || units == null) {
            return null;
        }
        List<List<Long>> out = new ArrayList<>();
        if (Dims.flag(config, "return_sequences", false)) {
            List<Long> seq = new ArrayList<>();
            seq.add(in.get(0));
            seq.add(in.get(1));
            seq.add(units);
            out.add(seq);
        } else {
            out.add(Dims.pair(in.get(0), units));
        }
        if (Dims.flag(config, "return_state", false)) {
            for (int i = 0; i < states; i++) {
                out.add(Dims.pair(in.get(0), units));
            }
        }
        return out;
    }

    /** Bidirectional: the forward layer's output, merged as {@code merge_mode} says. */
    List<List<Long>> bidirectional(JsonNode config, List<List<Long>> inputs) {
        JsonNode layer = config.path("layer");
        if (Dims.flag(layer.path("config"), "return_state", false)) {
            return null;
        }
        List<List<Long>> inner = shapes.of(Dims.text(layer, "class_name", null),
                layer.path("config"), inputs);
        if (inner == null || inner.size() != 1) {
            return null;
        }
        List<Long> forward = inner.get(0);
        JsonNode mode = config.get("merge_mode");
        if (mode == null || mode.isNull()) {
            return List.of(forward, forward);
        }
        if (!mode.asText().equals("concat")) {
            return List.of(forward);
        }
        List<Long> out = new ArrayList<>(forward);
        out.set(out.size() - 1, Dims.times(forward.get(forward.size() - 1), 2L));
        return List.of(out);
    }

    /** TimeDistributed: the inner layer on one step, the time axis put back. */
    List<List<Long>> timeDistributed(JsonNode config, List<List<Long>> inputs) {
        List<Long> in = TensorShapes.first(inputs);
        JsonNode layer = config.path("layer");
        if (in == null || in.size() < 3) {
            return null;
        }
        List<Long> step = new ArrayList<>();
        step.add(in.get(0));
        step.addAll(in.subList(2, in.size()));
        List<List<Long>> inner = shapes.of(Dims.text(layer, "class_name", null),
                layer.path("config"), List.of(step));
        if (inner == null) {
            return null;
        }
        List<List<Long>> out = new ArrayList<>();
        for (List<Long> s : inner) {
            List<Long> withTime = new ArrayList<>();
            withTime.add(in.get(0));
            withTime.add(in.get(1));
            withTime.addAll(s.subList(1, s.size()));
            out.add(withTime);
        }
        return out;
    }

    /** MultiHeadAttention: the query's shape, its last axis the configured output shape. */
    static List<List<Long>> multiHeadAttention(JsonNode config, List<List<Long>> inputs) {
        List<Long> query = TensorShapes.first(inputs);
        if (query == null || query.isEmpty()) {
            return null;
        }
        List<Long> out = new ArrayList<>(query.subList(0, query.size() - 1));
        JsonNode configured = config.get("output_shape");
        if (configured == null || configured.isNull()) {
            out.add(query.get(query.size() - 1));
        } else if (configured.isNumber()) {
            out.add(configured.asLong());
        } else {
            List<Long> dims = Dims.fromJson(configured);
            if (dims == null) {
                return null;
            }
            out.addAll(dims);
        }
        return List.of(out);
    }

    /** Attention and AdditiveAttention: the query's steps, the value's features. */
    static List<List<Long>> attention(JsonNode config, List<List<Long>> inputs) {
        if (inputs == null || inputs.size() < 2 || inputs.get(0) == null
                || inputs.get(1) == null || inputs.get(0).isEmpty()) {
            return null;
        }
        List<Long> query = inputs.get(0);
        List<Long> value = inputs.get(1);
        List<Long> out = new ArrayList<>(query.subList(0, query.size() - 1));
        out.add(value.get(value.size() - 1));
        return List.of(out);
    }
}
