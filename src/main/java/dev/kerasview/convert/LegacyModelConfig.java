package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a Keras 3 {@code config.json} tree into the legacy {@code model_config} and
 * {@code training_config} that Keras's HDF5 writer stores (KERAS_FORMATS.md §6.1).
 */
final class LegacyModelConfig {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LegacyModelConfig() {
    }

    /**
     * The legacy {@code {"class_name", "config"}} form of the whole model. The top-level class is
     * written under its registered {@code package>Name} when it has one, so that Keras's legacy
     * loader finds a registered custom model (Keras itself writes the bare class name there and
     * then cannot load its own file).
     */
    static ObjectNode modelConfig(JsonNode root) {
        ObjectNode out = JSON.objectNode();
        String registered = text(root.get("registered_name"));
        String className = text(root.get("class_name"));
        out.put("class_name", registered != null && registered.contains(">") ? registered : className);
        out.set("config", innerConfig(root));
        return out;
    }

    /**
     * The legacy {@code training_config}: the compile arguments with the optimizer as
     * {@code optimizer_config}, or null when the model was not compiled with an optimizer.
     */
    static ObjectNode trainingConfig(JsonNode root) {
        JsonNode compile = root.get("compile_config");
        if (compile == null || !compile.isObject() || compile.isEmpty()) {
            return null;
        }
        JsonNode optimizer = compile.get("optimizer");
        if (optimizer == null || optimizer.isNull()) {
            return null;
        }
        ObjectNode out = JSON.objectNode();
        compile.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("optimizer")) {
                out.set(e.getKey(), stripSharedIds(e.getValue()));
            }
        });
        ObjectNode opt = JSON.objectNode();
        if (optimizer.isTextual()) {
            opt.put("class_name", optimizer.asText());
            opt.set("config", JSON.objectNode());
        } else {
            String registered = text(optimizer.get("registered_name"));
            opt.put("class_name", registered != null ? registered : text(optimizer.get("class_name")));
            opt.set("config", stripSharedIds(optimizer.get("config")));
        }
        out.set("optimizer_config", opt);
        return out;
    }

    /** The envelope without {@code shared_object_id} keys: what {@code to_json()} writes. */
    static JsonNode stripSharedIds(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.objectNode();
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("shared_object_id")) {
                    out.set(e.getKey(), stripSharedIds(e.getValue()));
                }
            });
            return out;
        }
        if (node.isArray()) {
            var out = JSON.arrayNode();
            node.forEach(v -> out.add(stripSharedIds(v)));
            return out;
        }
        return node;
    }

    /** A layer envelope inside a model's {@code layers} list, in the legacy style. */
    private static ObjectNode legacyLayer(JsonNode entry, boolean functionalEntry) {
        ObjectNode out = JSON.objectNode();
        String registered = text(entry.get("registered_name"));
        out.put("class_name", registered != null ? registered : text(entry.get("class_name")));
        out.set("config", innerConfig(entry));
        if (functionalEntry) {
            out.set("name", entry.get("name"));
            out.set("inbound_nodes", stripSharedIds(entry.get("inbound_nodes")));
        }
        return out;
    }

    /** A model's or layer's {@code config}; models' layer lists become legacy entries. */
    private static JsonNode innerConfig(JsonNode envelope) {
        JsonNode cfg = envelope.get("config");
        if (cfg == null || !cfg.isObject()) {
            return stripSharedIds(cfg);
        }
        JsonNode layers = cfg.get("layers");
        if (layers != null && layers.isArray() && isModel(envelope)) {
            boolean functional = !"Sequential".equals(text(envelope.get("class_name")));
            ObjectNode out = JSON.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = cfg.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("layers")) {
                    var list = JSON.arrayNode();
                    layers.forEach(l -> list.add(legacyLayer(l, functional)));
                    out.set("layers", list);
                } else {
                    out.set(e.getKey(), stripSharedIds(e.getValue()));
                }
            }
            return out;
        }
        return nestedModels(cfg);
    }

    /**
     * Config values of a subclassed model or layer: nested model envelopes keep their Keras 3
     * envelope (their get_config returned them serialized) but their layer lists turn legacy,
     * because Keras serializes them with the legacy flag set.
     */
    private static JsonNode nestedModels(JsonNode node) {
        if (node.isObject()) {
            if (node.has("class_name") && node.has("config") && isModel(node)) {
                ObjectNode out = JSON.objectNode();
                node.fields().forEachRemaining(e -> {
                    if (e.getKey().equals("config")) {
                        out.set("config", innerConfig(node));
                    } else if (!e.getKey().equals("shared_object_id")) {
                        out.set(e.getKey(), stripSharedIds(e.getValue()));
                    }
                });
                return out;
            }
            ObjectNode out = JSON.objectNode();
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("shared_object_id")) {
                    out.set(e.getKey(), nestedModels(e.getValue()));
                }
            });
            return out;
        }
        if (node.isArray()) {
            var out = JSON.arrayNode();
            node.forEach(v -> out.add(nestedModels(v)));
            return out;
        }
        return node;
    }

    static boolean isModel(JsonNode envelope) {
        JsonNode cfg = envelope.get("config");
        if (cfg == null || !cfg.isObject()) {
            return false;
        }
        String cls = text(envelope.get("class_name"));
        JsonNode layers = cfg.get("layers");
        return "Sequential".equals(cls) || "Functional".equals(cls)
                || (layers != null && layers.isArray() && cfg.has("input_layers") && cfg.has("output_layers"));
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
