package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** InputLayer configs in the Keras 3 form ({@code batch_shape}, a plain dtype string), and the shape a layer declares. */
final class InputLayers {

    private InputLayers() {
    }

    /** An InputLayer config as Keras 3.15.1 writes it. */
    static ObjectNode keras3(ObjectNode c, String name, UpgradeRun run) {
        JsonNode shape = c.has("batch_shape") ? c.get("batch_shape") : c.get("batch_input_shape");
        String dtype = dtypeName(c.has("dtype") ? c.get("dtype") : c.get("input_dtype"));
        return make(shape, dtype, c.path("sparse").asBoolean(false), c.path("ragged").asBoolean(false), name,
                c.path("optional").asBoolean(false));
    }

    static ObjectNode make(JsonNode batchShape, String dtype, boolean sparse, boolean ragged, String name,
                           boolean optional) {
        ObjectNode out = Json.object();
        out.set("batch_shape", batchShape == null ? Json.F.nullNode() : batchShape.deepCopy());
        out.put("dtype", dtype);
        out.put("sparse", sparse);
        out.put("ragged", ragged);
        out.put("name", name);
        out.put("optional", optional);
        return out;
    }

    /**
     * The batch shape a (first) layer declares through Keras 1/2 arguments: {@code batch_input_shape},
     * {@code input_shape}, or {@code input_dim} with an RNN's {@code input_length}; null when it declares none.
     */
    static ArrayNode declaredShape(String className, JsonNode c) {
        JsonNode batch = c.get("batch_input_shape");
        if (batch != null && batch.isArray()) {
            return (ArrayNode) batch.deepCopy();
        }
        JsonNode shape = c.get("input_shape");
        if (shape != null && shape.isArray()) {
            ArrayNode out = Json.array().addNull();
            shape.forEach(out::add);
            return out;
        }
        if ("Embedding".equals(className)) {
            // its input_dim is the vocabulary size; the input is (batch, input_length) integers
            JsonNode length = c.get("input_length");
            return length == null ? null : Json.array().addNull().add(length);
        }
        JsonNode dim = c.get("input_dim");
        if (dim != null && dim.isIntegralNumber()) {
            ArrayNode out = Json.array().addNull();
            if (c.has("input_length")) {
                out.add(c.get("input_length"));
            }
            out.add(dim);
            return out;
        }
        return null;
    }

    /** The dtype name of a legacy dtype value (a string or a Policy object), float32 when absent. */
    static String dtypeName(JsonNode dtype) {
        if (dtype == null || dtype.isNull()) {
            return "float32";
        }
        if (dtype.isTextual()) {
            return dtype.textValue();
        }
        JsonNode name = dtype.path("config").get("name");
        return name != null && name.isTextual() && !name.textValue().startsWith("mixed_") ? name.textValue() : "float32";
    }
}
