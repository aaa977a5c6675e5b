package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Output shapes of the core, reshaping and merging layers. */
final class TensorShapes {

    private TensorShapes() {
    }

    /** Layers whose output has the shape of their (first) input. */
    static List<List<Long>> same(JsonNode config, List<List<Long>> inputs) {
        if (inputs == null || inputs.isEmpty() || inputs.get(0) == null) {
            return null;
        }
        return List.of(inputs.get(0));
    }

    static List<List<Long>> dense(JsonNode config, List<List<Long>> inputs) {
        List<Long> in = first(inputs);
        Long units = Dims.optionalInt(config, "units");
        if (in == null || in.isEmpty() || units == null) {
            return null;
        }
        List<Long> out = new ArrayList<>(in.subList(0, in.size() - 1));
        out.add(units);
        return List.of(out);
    }

    /**
     * EinsumDense: the batch axis, then the configured output shape as it stands (Keras's
     * {@code _analyze_split_string} does not fill its None entries from the input).
     */
    static List<List<Long>> einsumDense(JsonNode config, List<List<Long>> inputs) {
        List<Long> in = first(inputs);
        String equation = Dims.text(config, "equation", null);
        JsonNode shapeNode = config.get("output_shape");
        List<Long> partial = shapeNode != null && shapeNode.isNumber()
                ? List.of(shapeNode.asLong()) : Dims.fromJson(shapeNode);
        if (in == null || in.isEmpty() || equation == null || partial == null
                || equation.contains(".")) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        out.add(in.get(0));
        out.addAll(partial);
        return List.of(out);
    }

    static List<List<Long>> embedding(JsonNode config, List<List<Long>> inputs) {
        List<Long> in = first(inputs);
        Long dim = Dims.optionalInt(config, "output_dim");
        if (in == null || dim == null) {
            return null;
        }
        List<Long> out = new ArrayList<>(in);
        out.add(dim);
        return List.of(out);
    }

    static List<List<Long>> flatten(JsonNode config, List<List<Long>> inputs) {
        List<Long> in = first(inputs);
        if (in == null || in.isEmpty()) {
            return null;
        }
        Long n = 1L;
        for (Long d : in.subList(1, in.size())) {
            n = Dims.times(n, d);
        }
        return List.of(Dims.pair(in.get(0), n));
    }

    /** Reshape: the target shape, its one -1 solved from the input's size. */
    static List<List<Long>> reshape(JsonNode config, List<List<Long>> inputs) {
        List<Long> in = first(inputs);
        List<Long> target = Dims.fromJson(config.get("target_shape"));
        if (in == null || in.isEmpty() || target == null || Dims.anyNull(target)) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        out.add(in.get(0));
        int unknown = target.indexOf(-1L);
        if (unknown >= 0) {
            Long size = 1L;
            for (Long d : in.subList(1, in.size())) {
                size = Dims.times(size, d);
            }
            long rest = 1;
            for (int i = 0; i < target.size(); i++) {
                if (i != unknown) {
                    rest *= target.get(i);
                }
            }
            List<Long> solved = new ArrayList<>(target);
            solved.set(unknown, size == null || rest == 0 ? null : size / rest);
            out.addAll(solved);
        } else {
            out.addAll(target);
        }
        return List.of(out);
    }

    static List<List<Long>> permute(JsonNode config, List<List<Long>> inputs) {
        List<Long> in = first(inputs);
        List<Integer> dims = Dims.axes(config.get("dims"));
        if (in == null || dims == null || dims.size() != in.size() - 1) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        out.add(in.get(0));
        for (int d : dims) {
            if (d < 1 || d >= in.size()) {
                return null;
            }
            out.add(in.get(d));
        }
        return List.of(out);
    }

    static List<List<Long>> repeatVector(JsonNode config, List<List<Long>> inputs) {
        List<Long> in = first(inputs);
        Long n = Dims.optionalInt(config, "n");
        if (in == null || in.size() != 2 || n == null) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        out.add(in.get(0));
        out.add(n);
        out.add(in.get(1));
        return List.of(out);
    }

    /** Add, Multiply, Average, ...: Keras's broadcast of the input shapes. */
    static List<List<Long>> merge(JsonNode config, List<List<Long>> inputs) {
        if (inputs == null || inputs.isEmpty() || Dims.anyNull(inputs)) {
            return null;
        }
        List<Long> out = new ArrayList<>(inputs.get(0));
        for (List<Long> s : inputs.subList(1, inputs.size())) {
            out = broadcast(out, s);
            if (out == null) {
                return null;
            }
        }
        return List.of(out);
    }

    static List<List<Long>> concatenate(JsonNode config, List<List<Long>> inputs) {
        if (inputs == null || inputs.isEmpty() || Dims.anyNull(inputs)) {
            return null;
        }
        int rank = inputs.get(0).size();
        int axis = (int) Dims.intOf(config, "axis", -1);
        axis = axis < 0 ? rank + axis : axis;
        if (axis < 0 || axis >= rank) {
            return null;
        }
        List<Long> out = new ArrayList<>(inputs.get(0));
        for (List<Long> s : inputs.subList(1, inputs.size())) {
            if (s.size() != rank) {
                return null;
            }
            out.set(axis, out.get(axis) == null || s.get(axis) == null ? null
                    : out.get(axis) + s.get(axis));
            for (int i = 0; i < rank; i++) {
                if (i != axis && out.get(i) == null) {
                    out.set(i, s.get(i));
                }
            }
        }
        return List.of(out);
    }

    private static List<Long> broadcast(List<Long> a, List<Long> b) {
        int rank = Math.max(a.size(), b.size());
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            Long x = i < rank - a.size() ? Long.valueOf(1) : a.get(i - (rank - a.size()));
            Long y = i < rank - b.size() ? Long.valueOf(1) : b.get(i - (rank - b.size()));
            if (x == null || y == null) {
                // Keras's _compute_elemwise_op_output_shape: an unknown side stays unknown.
                out.add(null);
            } else if (x.equals(y) || y == 1) {
                out.add(x);
            } else if (x == 1) {
                out.add(y);
            } else {
                return null;
            }
        }
        return out;
    }

    static List<Long> first(List<List<Long>> inputs) {
        return inputs == null || inputs.isEmpty() ? null : inputs.get(0);
    }
}
