package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.VariableInfo;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares in the config the quantization of MultiHeadAttention's inner layers.
 * {@code model.quantize("int8")} quantizes the inner EinsumDense layers but leaves the MHA's
 * dtype float32, so Keras rebuilds them float32 and cannot read its own file; a
 * {@code DTypePolicyMap} entry per inner layer ({@code mha/query}: int8) makes Keras rebuild
 * them as they were saved. Only int8 is declared: its variables say it unambiguously.
 */
final class QuantizedAttentionPolicies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> INNER = List.of("query", "key", "value", "attention_output");

    private QuantizedAttentionPolicies() {
    }

    /** The config with the policies declared, or the same source when no MHA needs them. */
    static KerasConfigSource apply(KerasConfigSource source, ModelFile model)
            throws ConversionRefusedException {
        JsonNode copy = source.config().deepCopy();
        List<String> notes = new ArrayList<>(source.notes());
        boolean changed = visit(copy, model, notes);
        return changed ? new KerasConfigSource(copy, notes, source.recipes()) : source;
    }

    private static boolean visit(JsonNode node, ModelFile model, List<String> notes)
            throws ConversionRefusedException {
        boolean changed = false;
        if (node.isObject() && "MultiHeadAttention".equals(node.path("class_name").asText())
                && node.path("config").isObject()) {
            changed = declare((ObjectNode) node.get("config"), model, notes);
        }
        Iterator<JsonNode> it = node.elements();
        while (it.hasNext()) {
            changed |= visit(it.next(), model, notes);
        }
        return changed;
    }

    private static boolean declare(ObjectNode config, ModelFile model, List<String> notes)
            throws ConversionRefusedException {
        String name = config.path("name").asText();
        LayerNode stored = find(model.root(), name);
        JsonNode dtype = config.get("dtype");
        if (stored == null || dtype != null && "DTypePolicyMap".equals(dtype.path("class_name").asText())) {
            return false;
        }
        Map<String, String> quantized = new LinkedHashMap<>();
        boolean bias = config.path("use_bias").asBoolean(true);
        for (String inner : INNER) {
            List<VariableInfo> vars = innerVariables(stored, inner);
            boolean int8 = vars.stream().anyMatch(v -> v.dtype().equals("int8"));
            int floatCount = bias ? 2 : 1;
            if (int8 && vars.size() == floatCount + 1) {
                quantized.put(inner, "int8");
            } else if (vars.size() > floatCount) {
                throw new ConversionRefusedException(ConversionRefusal.NO_EXACT_FORM, "layer '"
                        + name + "' (MultiHeadAttention): its inner layer '" + inner + "' stores "
                        + vars.size() + " variables, a quantization other than int8; Keras "
                        + "rebuilds it float32 (the MHA's config says float32) and kerasview can "
                        + "declare only int8 inner layers exactly");
            }
        }
        if (quantized.isEmpty()) {
            return false;
        }
        ObjectNode map = JSON.objectNode();
        map.put("module", "keras.dtype_policies");
        map.put("class_name", "DTypePolicyMap");
        ObjectNode mapConfig = map.putObject("config");
        mapConfig.set("default_policy", dtype == null ? JSON.nullNode() : dtype);
        ObjectNode entries = mapConfig.putObject("policy_map");
        String source = sourceName(dtype);
        for (Map.Entry<String, String> e : quantized.entrySet()) {
            ObjectNode p = entries.putObject(name + "/" + e.getKey());
            p.put("module", "keras.dtype_policies");
            p.put("class_name", "QuantizedDTypePolicy");
            ObjectNode pc = p.putObject("config");
            pc.put("mode", e.getValue());
            pc.put("source_name", source);
            p.putNull("registered_name");
        }
        map.putNull("registered_name");
        config.set("dtype", map);
        notes.add("layer '" + name + "' (MultiHeadAttention): its inner layers "
                + quantized.keySet() + " are stored int8-quantized while its config says "
                + source + "; the config now declares them with a DTypePolicyMap so Keras "
                + "rebuilds them int8");
        return true;
    }

    /** The inner layer's stored variables: a child node (Keras 3) or prefixed names (legacy). */
    private static List<VariableInfo> innerVariables(LayerNode mha, String inner) {
        for (LayerNode c : mha.children()) {
            if (c.name().equals(inner)) {
                return c.variables();
            }
        }
        List<VariableInfo> out = new ArrayList<>();
        for (VariableInfo v : mha.variables()) {
            if (v.name().startsWith(inner + "/")) {
                out.add(v);
            }
        }
        return out;
    }

    private static String sourceName(JsonNode dtype) {
        if (dtype == null || dtype.isNull()) {
            return "float32";
        }
        if (dtype.isTextual()) {
            return dtype.asText();
        }
        return dtype.path("config").path("name").asText("float32");
    }

    private static LayerNode find(LayerNode n, String name) {
        if (n == null) {
            return null;
        }
        if (name.equals(n.name()) && "MultiHeadAttention".equals(n.className())) {
            return n;
        }
        for (LayerNode c : n.children()) {
            LayerNode hit = find(c, name);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }
}
