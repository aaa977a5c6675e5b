package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The input shapes a config records for a layer: its InputLayer, its build_config. */
final class CallShapes {

    private CallShapes() {
    }

    /** The shape an InputLayer (or a Keras 2 first layer) declares, or null. */
    static List<Long> inputLayerShape(JsonNode config) {
        for (String key : List.of("batch_shape", "batch_input_shape")) {
            List<Long> s = Dims.fromJson(config.get(key));
            if (s != null) {
                return s;
            }
        }
        List<Long> s = Dims.fromJson(config.get("shape"));
        if (s == null) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        out.add(null);
        out.addAll(s);
        return out;
    }

    /** The input shapes a build_config records, or null. */
    static List<List<Long>> buildInputs(JsonNode build) {
        if (build == null) {
            return null;
        }
        JsonNode dict = build.get("shapes_dict");
        if (dict != null && dict.isObject()) {
            List<List<Long>> out = new ArrayList<>();
            for (String key : List.of("query_shape", "value_shape", "key_shape")) {
                List<Long> s = Dims.fromJson(dict.get(key));
                if (s != null) {
                    out.add(s);
                }
            }
            return out.isEmpty() ? null : out;
        }
        List<List<Long>> out = new BuildShapes(build).inputs();
        return out.isEmpty() || Dims.anyNull(out) ? null : out;
    }

    /** A build_config as Keras would have written it for a first call with these inputs. */
    static JsonNode syntheticBuild(String className, List<List<Long>> inputs) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode build = json.objectNode();
        if ("MultiHeadAttention".equals(className)) {
            ObjectNode dict = build.putObject("shapes_dict");
            String[] keys = {"query_shape", "value_shape", "key_shape"};
            for (int i = 0; i < Math.min(inputs.size(), keys.length); i++) {
                dict.set(keys[i], shapeNode(inputs.get(i)));
            }
            return build;
        }
        if (inputs.size() == 1) {
            build.set("input_shape", shapeNode(inputs.get(0)));
        } else {
            ArrayNode list = build.putArray("input_shape");
            inputs.forEach(s -> list.add(shapeNode(s)));
        }
        return build;
    }

    private static ArrayNode shapeNode(List<Long> shape) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Long d : shape) {
            if (d == null) {
                a.addNull();
            } else {
                a.add(d);
            }
        }
        return a;
    }
}
