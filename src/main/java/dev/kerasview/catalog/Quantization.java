package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/** The quantization mode a layer's dtype policy declares (KERAS_FORMATS.md §3.8, §4.5). */
final class Quantization {

    private Quantization() {
    }

    /** {@code int8}, {@code int4}, {@code float8}, {@code gptq}, {@code awq}, {@code ternary} or null. */
    static String mode(JsonNode config) {
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
