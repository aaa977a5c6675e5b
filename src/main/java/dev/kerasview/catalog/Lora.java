package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A layer's LoRA settings from its config ({@code lora_rank}, {@code lora_alpha}); Keras's
 * {@code build()} calls {@code enable_lora(lora_rank)} with the default alpha, the rank.
 *
 * @param rank  the config's {@code lora_rank}
 * @param alpha the config's {@code lora_alpha}; the rank when absent
 */
public record Lora(long rank, double alpha) {

    /** The layer's LoRA settings, or null when the config enables none. */
    public static Lora of(JsonNode config) {
        Long rank = Dims.optionalInt(config, "lora_rank");
        if (rank == null || rank <= 0) {
            return null;
        }
        JsonNode a = config.get("lora_alpha");
        return new Lora(rank, a != null && a.isNumber() ? a.asDouble() : rank);
    }
}
