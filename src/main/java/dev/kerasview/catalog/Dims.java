package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Shape arithmetic where a dimension may be unknown (null), as in Keras's {@code None}. */
final class Dims {

    private Dims() {
    }

    /** A JSON shape array ({@code [null, 4]}) as a list with nulls, or null when not a flat shape. */
    static List<Long> fromJson(JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<Long> dims = new ArrayList<>();
        for (JsonNode d : node) {
            if (d.isNull()) {
                dims.add(null);
            } else if (d.isIntegralNumber()) {
                dims.add(d.asLong());
            } else {
                return null;
            }
        }
        return dims;
    }

    /** The dimension at a Python-style index (negative counts from the end), or null. */
    static Long at(List<Long> shape, int index) {
        if (shape == null) {
            return null;
        }
        int i = index < 0 ? shape.size() + index : index;
        return i >= 0 && i < shape.size() ? shape.get(i) : null;
    }

    /** Builds a variable shape; null when any dimension is unknown. */
    static List<Long> of(Long... dims) {
        List<Long> out = new ArrayList<>();
        for (Long d : dims) {
            if (d == null) {
                return null;
            }
            out.add(d);
        }
        return Collections.unmodifiableList(out);
    }

    /** A two-element list that keeps unknown (null) dimensions. */
    static List<Long> pair(Long a, Long b) {
        List<Long> out = new ArrayList<>();
        out.add(a);
        out.add(b);
        return out;
    }

    /** Concatenates known shapes; null when any part is unknown. */
    static List<Long> concat(List<Long> a, List<Long> b) {
        if (a == null || b == null || a.contains(null) || b.contains(null)) {
            return null;
        }
        List<Long> out = new ArrayList<>(a);
        out.addAll(b);
        return Collections.unmodifiableList(out);
    }

    /** True when a list holds a null; safe on immutable lists, whose contains(null) throws. */
    static boolean anyNull(List<?> list) {
        return list.stream().anyMatch(Objects::isNull);
    }

    /** Copies a shape, returning null when a dimension is unknown. */
    static List<Long> known(List<Long> dims) {
        if (dims == null || dims.contains(null)) {
            return null;
        }
        return List.copyOf(dims);
    }

    /** Product of two possibly unknown dimensions. */
    static Long times(Long a, Long b) {
        return a == null || b == null ? null : a * b;
    }

    /** A config integer or a default. */
    static long intOf(JsonNode config, String key, long fallback) {
        JsonNode n = config == null ? null : config.get(key);
        return n != null && n.isNumber() ? n.asLong() : fallback;
    }

    /** A config integer, or null when absent or not a number. */
    static Long optionalInt(JsonNode config, String key) {
        JsonNode n = config == null ? null : config.get(key);
        return n != null && n.isNumber() ? n.asLong() : null;
    }

    /** A config boolean or a default. */
    static boolean flag(JsonNode config, String key, boolean fallback) {
        JsonNode n = config == null ? null : config.get(key);
        return n != null && n.isBoolean() ? n.asBoolean() : fallback;
    }

    /** A config string or a default. */
    static String text(JsonNode config, String key, String fallback) {
        JsonNode n = config == null ? null : config.get(key);
        return n != null && n.isTextual() ? n.asText() : fallback;
    }

    /** An int-or-list config value as a list of the given length ({@code 3} → {@code [3, 3]}). */
    static List<Long> tuple(JsonNode config, String key, int rank) {
        JsonNode n = config == null ? null : config.get(key);
        List<Long> out = new ArrayList<>();
        if (n != null && n.isNumber()) {
            for (int i = 0; i < rank; i++) {
                out.add(n.asLong());
            }
            return out;
        }
        List<Long> list = fromJson(n);
        return list == null || list.size() != rank ? null : list;
    }

    /** An int-or-list axis value as a list of ints, or null. */
    static List<Integer> axes(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        if (node.isNumber()) {
            out.add(node.asInt());
            return out;
        }
        if (node.isArray()) {
            for (JsonNode a : node) {
                if (!a.isNumber()) {
                    return null;
                }
                out.add(a.asInt());
            }
            return out;
        }
        return null;
    }
}
