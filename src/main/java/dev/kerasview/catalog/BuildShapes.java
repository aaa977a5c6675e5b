package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The input shapes a layer was built with, read from its {@code build_config}. */
final class BuildShapes {

    private final JsonNode buildConfig;

    BuildShapes(JsonNode buildConfig) {
        this.buildConfig = buildConfig;
    }

    /** The single input shape ({@code input_shape}, or the first of several), or null. */
    List<Long> input() {
        JsonNode shape = inputNode();
        if (shape == null) {
            JsonNode dict = buildConfig == null ? null : buildConfig.get("shapes_dict");
            if (dict != null && dict.isObject() && dict.size() > 0) {
                shape = dict.elements().next();
            }
        }
        if (shape != null && shape.isArray() && shape.size() > 0 && shape.get(0).isArray()) {
            shape = shape.get(0);
        }
        return Dims.fromJson(shape);
    }

    /** The shapes of a multi-input layer ({@code [[null, 8], [null, 8]]}), or an empty list. */
    List<List<Long>> inputs() {
        List<List<Long>> out = new ArrayList<>();
        JsonNode shape = inputNode();
        if (shape != null && shape.isArray() && shape.size() > 0 && shape.get(0).isArray()) {
            for (JsonNode s : shape) {
                out.add(Dims.fromJson(s));
            }
        } else if (shape != null) {
            out.add(Dims.fromJson(shape));
        }
        return out;
    }

    /** A named shape of {@code shapes_dict} ({@code query_shape}), or null. */
    List<Long> named(String key) {
        JsonNode dict = buildConfig == null ? null : buildConfig.get("shapes_dict");
        return dict == null ? null : Dims.fromJson(dict.get(key));
    }

    private JsonNode inputNode() {
        if (buildConfig == null) {
            return null;
        }
        JsonNode shape = buildConfig.get("input_shape");
        return shape == null || shape.isNull() ? null : shape;
    }
}
