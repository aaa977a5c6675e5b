package dev.kerasview.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Turns a layer's config JSON into a tree of key/value rows with JSON literals, and pretty-printed text. */
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
        entries = node.isObject() ? children(node) : List.of();
        String text;
        try {
            text = KerasJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            text = configJson;
        }
        pretty = text;
    }

    private static List<ConfigEntry> children(JsonNode node) {
        List<ConfigEntry> rows = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                rows.add(entry(e.getKey(), e.getValue()));
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                rows.add(entry("[" + i + "]", node.get(i)));
            }
        }
        return rows;
    }

    private static ConfigEntry entry(String key, JsonNode v) {
        if (v.isObject() && !v.isEmpty()) {
            // a nested Keras object (initializer, regularizer, dtype policy): its class says most
            String summary = v.has("class_name") ? v.get("class_name").asText() : "{" + v.size() + (v.size() == 1 ? " key}" : " keys}");
            return new ConfigEntry(key, summary, children(v));
        }
        if (v.isArray() && !v.isEmpty() && !v.get(0).isValueNode()) {
            return new ConfigEntry(key, "[" + v.size() + (v.size() == 1 ? " item]" : " items]"), children(v));
        }
        // literals, and arrays of literals (shapes, strides) on one line
        String s = KerasJson.toCompactJson(v);
        return new ConfigEntry(key, s.length() > MAX_VALUE_CHARS ? s.substring(0, MAX_VALUE_CHARS) + " …" : s);
    }

    List<ConfigEntry> entries() {
        return entries;
    }

    String pretty() {
        return pretty;
    }
}
