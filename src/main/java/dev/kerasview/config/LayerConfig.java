package dev.kerasview.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A view of one serialized layer or model envelope, in any Keras version's form
 * ({@code module}/{@code registered_name} of Keras 3, the bare {@code class_name}/{@code config}
 * of Keras 1/2 and of legacy {@code model_config}).
 *
 * @param envelope the whole JSON object
 */
public record LayerConfig(JsonNode envelope) {

    /** Keras's class name ({@code Dense}, {@code Functional}, {@code VAE}). */
    public String className() {
        return text(envelope.get("class_name"));
    }

    /** {@code module}, or null. */
    public String module() {
        return text(envelope.get("module"));
    }

    /** {@code registered_name}, or null. */
    public String registeredName() {
        return text(envelope.get("registered_name"));
    }

    /** The {@code config} object (for an old Sequential: the list of layers). */
    public JsonNode config() {
        JsonNode c = envelope.get("config");
        return c == null ? NullNode.getInstance() : c;
    }

    /** {@code build_config}, or null. */
    public JsonNode buildConfig() {
        JsonNode b = envelope.get("build_config");
        return b == null || b.isNull() ? null : b;
    }

    /** The layer's own name: the entry's {@code name}, else {@code config.name}. */
    public String name() {
        String n = text(envelope.get("name"));
        if (n == null && config().isObject()) {
            n = text(config().get("name"));
        }
        return n == null ? "" : n;
    }

    /** True for containers whose config lists layers (Sequential, Functional, Keras 2 Model). */
    public boolean hasLayerList() {
        return config().isArray() || config().path("layers").isArray();
    }

    /** The layer list of a Sequential or Functional config. */
    public List<LayerConfig> layers() {
        JsonNode list = config().isArray() ? config() : config().path("layers");
        List<LayerConfig> out = new ArrayList<>();
        for (JsonNode l : list) {
            if (l.isObject()) {
                out.add(new LayerConfig(l));
            }
        }
        return out;
    }

    /** True when the config describes a Sequential (saving drops its InputLayer). */
    public boolean isSequential() {
        return "Sequential".equals(className()) && hasLayerList();
    }

    /** True for an InputLayer. */
    public boolean isInputLayer() {
        return "InputLayer".equals(className());
    }

    /** True for a non-layer operation of a Functional graph ({@code keras.ops.*} calls). */
    public boolean isOperation() {
        String m = module();
        return m != null && (m.startsWith("keras.src.ops") || m.startsWith("keras.ops"));
    }

    /** True for a Lambda layer. */
    public boolean isLambda() {
        return "Lambda".equals(className());
    }

    /** How many calls of the layer its model graph records (Keras 3 and Keras 1/2 forms). */
    public int inboundCalls() {
        JsonNode n = envelope.get("inbound_nodes");
        return n != null && n.isArray() ? n.size() : 0;
    }

    /** The dtype policy name ({@code float32}, {@code mixed_bfloat16}, ...), or null. */
    public String dtypePolicy() {
        JsonNode d = config().path("dtype");
        if (d.isTextual()) {
            return d.asText();
        }
        JsonNode name = d.path("config").path("name");
        if (name.isTextual()) {
            return name.asText();
        }
        JsonNode source = d.path("config").path("source_name");
        return source.isTextual() ? source.asText() : null;
    }

    /** True when the layer's config says it is not trainable. */
    public boolean frozen() {
        JsonNode t = config().path("trainable");
        return t.isBoolean() && !t.asBoolean();
    }

    /** True when a JSON value is a serialized layer or model (not a policy or initializer). */
    public static boolean isLayerEnvelope(JsonNode n) {
        if (n == null || !n.isObject() || !n.path("class_name").isTextual()) {
            return false;
        }
        JsonNode c = n.path("config");
        return c.isArray() || (c.isObject() && c.has("name")
                && (c.has("trainable") || c.has("layers")));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
