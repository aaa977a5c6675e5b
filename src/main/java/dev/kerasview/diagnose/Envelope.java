package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One serialized object of a config ({@code class_name}, {@code config}, {@code module},
 * {@code registered_name}, {@code build_config}), read without interpretation.
 *
 * @param node the whole JSON object
 */
record Envelope(JsonNode node) {

    /** True when the node looks like a serialized object. */
    static boolean is(JsonNode node) {
        return node != null && node.isObject() && node.has("class_name")
                && node.get("class_name").isTextual() && node.has("config");
    }

    String className() {
        return node.get("class_name").asText();
    }

    JsonNode config() {
        return node.get("config");
    }

    /** The layer's own name: {@code config.name}, else the entry's {@code name}, else null. */
    String name() {
        JsonNode c = config();
        if (c != null && c.isObject() && c.hasNonNull("name") && c.get("name").isTextual()) {
            return c.get("name").asText();
        }
        return node.hasNonNull("name") ? node.get("name").asText() : null;
    }

    /** True when the key {@code module} exists (Keras 3 serialization), even if null. */
    boolean hasModuleKey() {
        return node.has("module");
    }

    String module() {
        JsonNode m = node.get("module");
        return m == null || m.isNull() ? null : m.asText();
    }

    /** {@code registered_name}; absent key reads as the class name (Keras's default). */
    String registeredName() {
        if (!node.has("registered_name")) {
            return className();
        }
        JsonNode r = node.get("registered_name");
        return r.isNull() ? null : r.asText();
    }

    /** {@code build_config}, or null when absent, null or empty. */
    JsonNode buildConfig() {
        JsonNode b = node.get("build_config");
        return b == null || b.isNull() || (b.isObject() && b.isEmpty()) ? null : b;
    }

    /** {@code compile_config}, or null when absent, null or empty. */
    JsonNode compileConfig() {
        JsonNode c = node.get("compile_config");
        return c == null || c.isNull() || (c.isObject() && c.isEmpty()) ? null : c;
    }

    /** The {@code layers} list of a model config, or null. */
    JsonNode layers() {
        JsonNode c = config();
        JsonNode l = c != null && c.isObject() ? c.get("layers") : null;
        return l != null && l.isArray() ? l : null;
    }

    /** True for Functional-style configs (layers plus input/output layers). */
    boolean isFunctionalConfig() {
        JsonNode c = config();
        return c != null && c.isObject() && c.has("layers") && c.has("input_layers")
                && c.has("output_layers");
    }

    /** The {@code trainable} flag of the config (default true). */
    boolean trainable() {
        JsonNode c = config();
        JsonNode t = c != null && c.isObject() ? c.get("trainable") : null;
        return t == null || !t.isBoolean() || t.asBoolean();
    }

    /** A non-layer operation of a Functional graph ({@code keras.src.ops.*}). */
    boolean isOperation() {
        String m = module();
        return m != null && m.startsWith("keras.src.ops");
    }

    Long sharedObjectId() {
        JsonNode s = node.get("shared_object_id");
        return s != null && s.isNumber() ? s.asLong() : null;
    }
}
