package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The variables LoRA adds at run time to Dense, EinsumDense and Embedding ({@code lora_rank}
 * in the config): Keras saves the merged kernel, but {@code count_params()} counts the frozen
 * kernel plus {@code lora_kernel_a} and {@code lora_kernel_b}.
 */
final class LoraVariables {

    private LoraVariables() {
    }

    /** The layer's variables as built, LoRA's included; {@code saved} when LoRA is off. */
    static List<VariableSpec> withLora(String className, JsonNode config,
                                       List<VariableSpec> saved) {
        Long rank = Dims.optionalInt(config, "lora_rank");
        String base = switch (className) {
            case "Dense", "EinsumDense" -> "kernel";
            case "Embedding" -> "embeddings";
            default -> null;
        };
        if (rank == null || rank <= 0 || base == null || Quantization.mode(config) != null) {
            return saved;
        }
        List<VariableSpec> out = new ArrayList<>();
        List<Long> kernel = null;
        for (VariableSpec v : saved) {
            if (v.name().equals(base)) {
                kernel = v.shape();
                out.add(new VariableSpec(v.name(), v.shape(), false));
            } else {
                out.add(v);
            }
        }
        if (kernel == null || kernel.isEmpty()) {
            out.add(new VariableSpec("lora_kernel_a", null, true));
            out.add(new VariableSpec("lora_kernel_b", null, true));
            return out;
        }
        List<Long> a = new ArrayList<>(kernel.subList(0, kernel.size() - 1));
        a.add(rank);
        out.add(new VariableSpec("lora_kernel_a", a, true));
        out.add(new VariableSpec("lora_kernel_b", List.of(rank, kernel.get(kernel.size() - 1)),
                true));
        return out;
    }
}
