package dev.kerasview.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Turns a layer's config JSON into readable key/value rows and pretty-printed text. */
final class LayerConfigText {

    private static final int MAX_VALUE_CHARS = 300;

    private final List<ConfigEntry> entries;
    private final String pretty;

    LayerConfigText(String configJson) {
        if (configJson == null || configJson.isBlank()) {
            entries = List.of();
            pretty = "";
            return;
        }
        JsonNode node;
        try {
            node = KerasJson.parse(configJson);
        } catch (JsonProcessingException e) {
            entries = List.of(new ConfigEntry("(unreadable)", e.getOriginalMessage()));
            pretty = configJson;
            return;
        }
        List<ConfigEntry> rows = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                rows.add(new ConfigEntry(e.getKey(), readable(e.getValue())));
            }
        }
        entries = List.copyOf(rows);
        String text;
        try {
            text = KerasJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            text = configJson;
        }
        pretty = text;
    }

    private static String readable(JsonNode v) {
        String s;
        if (v.isTextual()) {
            s = v.asText();
        } else if (v.isNull()) {
            s = "None";
        } else if (v.isBoolean()) {
            s = v.asBoolean() ? "True" : "False";
        } else if (v.isObject() && v.has("class_name") && v.size() <= 4) {
            // a nested Keras object (initializer, regularizer, dtype policy): its class says most
            JsonNode cfg = v.get("config");
            s = v.get("class_name").asText() + (cfg == null || cfg.isEmpty() ? "" : " " + KerasJson.toCompactJson(cfg));
        } else {
            s = KerasJson.toCompactJson(v);
        }
        return s.length() > MAX_VALUE_CHARS ? s.substring(0, MAX_VALUE_CHARS) + " …" : s;
    }

    List<ConfigEntry> entries() {
        return entries;
    }

    String pretty() {
        return pretty;
    }
}
