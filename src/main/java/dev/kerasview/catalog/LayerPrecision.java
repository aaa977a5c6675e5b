package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a layer's config says about its numbers: the dtype policy (a policy map's entries
 * included), the quantization mode as Keras writes it ({@code int8}, {@code int4/128},
 * {@code float8}) and the LoRA settings.
 *
 * @param policy       the policy's name ({@code mixed_float16}; a quantized policy's source
 *                     dtype; a map's default), or null when the config names none
 * @param policyMap    a {@code DTypePolicyMap}'s entries, layer path → policy name; else empty
 * @param quantization the declared quantization mode, or null
 * @param loraRank     {@code lora_rank}, or null
 * @param loraAlpha    {@code lora_alpha} (the rank when absent), or null
 */
public record LayerPrecision(String policy, Map<String, String> policyMap, String quantization,
                             Long loraRank, Double loraAlpha) {

    public LayerPrecision {
        policyMap = Map.copyOf(policyMap);
    }

    /** The precision a layer config ({@code config} object, not envelope) declares. */
    public static LayerPrecision of(JsonNode config) {
        JsonNode dtype = config == null ? null : config.get("dtype");
        Map<String, String> map = new LinkedHashMap<>();
        String policy = name(dtype);
        if (dtype != null && "DTypePolicyMap".equals(Dims.text(dtype, "class_name", ""))) {
            JsonNode c = dtype.path("config");
            policy = name(c.get("default_policy"));
            c.path("policy_map").fields().forEachRemaining(e -> map.put(e.getKey(),
                    quantizedOrName(e.getValue())));
        }
        String mode = Quantization.mode(config) == null ? null
                : Dims.text(dtype == null ? null : dtype.get("config"), "mode",
                Quantization.mode(config));
        Lora lora = config == null ? null : Lora.of(config);
        return new LayerPrecision(policy, map, mode, lora == null ? null : lora.rank(),
                lora == null ? null : lora.alpha());
    }

    /** True when the config declares nothing beyond the default float32 policy. */
    public boolean plain() {
        return (policy == null || policy.equals("float32")) && policyMap.isEmpty()
                && quantization == null && loraRank == null;
    }

    private static String quantizedOrName(JsonNode policy) {
        String mode = Dims.text(policy == null ? null : policy.get("config"), "mode", null);
        return mode != null ? mode : name(policy);
    }

    private static String name(JsonNode dtype) {
        if (dtype == null || dtype.isNull()) {
            return null;
        }
        if (dtype.isTextual()) {
            return dtype.asText();
        }
        JsonNode c = dtype.get("config");
        String name = Dims.text(c, "name", null);
        return name != null ? name : Dims.text(c, "source_name", null);
    }
}
