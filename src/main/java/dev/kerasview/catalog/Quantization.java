package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/** The quantization mode a layer's dtype policy declares (KERAS_FORMATS.md §3.8, §4.5). */
final class Quantization {

    private Quantization() {
    }

    /**
     * {@code int8}, {@code int4}, {@code float8}, {@code gptq}, {@code awq}, {@code ternary} or
     * null; an {@code Int4DTypePolicy}'s {@code int4/128} is {@code int4}.
     */
    static String mode(JsonNode config) {
        String declared = declaredMode(config);
        return declared == null ? null : declared.split("/", 2)[0];
    }

    /**
     * The int4 block size ({@code int4/128} → 128), or null for per-channel int4 (no block,
     * or -1) and for other modes: Keras creates {@code kernel_zero} and {@code g_idx} only
     * for a positive block size.
     */
    static Long blockSize(JsonNode config) {
        if (!"int4".equals(mode(config))) {
            return null;
        }
        // get_block_size_for_layer: an Int4QuantizationConfig's block_size wins over the policy.
        JsonNode qc = config.get("quantization_config");
        if (qc != null && "Int4QuantizationConfig".equals(Dims.text(qc, "class_name", null))) {
            JsonNode size = qc.path("config").get("block_size");
            return size != null && size.isNumber() && size.asLong() > 0 ? size.asLong() : null;
        }
        String declared = declaredMode(config);
        try {
            long size = Long.parseLong(declared.substring(declared.indexOf('/') + 1));
            return declared.contains("/") && size > 0 ? size : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String declaredMode(JsonNode config) {
        JsonNode dtype = config == null ? null : config.get("dtype");
        if (dtype == null || !dtype.isObject()) {
            return null;
        }
        String cls = Dims.text(dtype, "class_name", "");
        JsonNode inner = dtype.get("config");
        String mode = Dims.text(inner, "mode", null);
        if (mode != null) {
            return mode;
        }
        return switch (cls) {
            case "QuantizedFloat8DTypePolicy" -> "float8";
            case "Int4DTypePolicy" -> "int4";
            case "GPTQDTypePolicy" -> "gptq";
            case "AWQDTypePolicy" -> "awq";
            case "TernaryDTypePolicy" -> "ternary";
            case "QuantizedDTypePolicy" -> "int8";
            default -> null;
        };
    }
}
