package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Small helpers over Jackson trees shared by the upgrade rules. */
final class Json {

    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return F.objectNode();
    }

    static ArrayNode array() {
        return F.arrayNode();
    }

    /** The text of a textual node, else null. */
    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** A snapshot of an object's keys, safe to iterate while the object changes. */
    static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** True for a missing node or JSON null. */
    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** The standard Keras 3 envelope {@code {"module","class_name","config","registered_name"}}. */
    static ObjectNode envelope(String module, String className, JsonNode config, String registeredName) {
        ObjectNode out = object();
        if (module == null) {
            out.putNull("module");
        } else {
            out.put("module", module);
        }
        out.put("class_name", className);
        out.set("config", config);
        if (registeredName == null) {
            out.putNull("registered_name");
        } else {
            out.put("registered_name", registeredName);
        }
        return out;
    }

    /** Keras 3's default dtype policy envelope for {@code name}. */
    static ObjectNode dtypePolicy(String name) {
        ObjectNode config = object();
        config.put("name", name);
        return envelope("keras", "DTypePolicy", config, null);
    }

    /** A copy of {@code config} with key {@code key} renamed, keeping its position. */
    static ObjectNode renameKey(ObjectNode config, String key, String newKey, JsonNode newValue) {
        ObjectNode out = object();
        config.fields().forEachRemaining(e -> {
            if (e.getKey().equals(key)) {
                out.set(newKey, newValue);
            } else if (!e.getKey().equals(newKey)) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }
}
