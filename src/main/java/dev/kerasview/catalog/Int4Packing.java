package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where an int4-quantized layer keeps two values in each stored byte: Keras 3.15 packs the kernel
 * of Dense and EinsumDense and the embeddings of Embedding along their last axis (quantizers.pack_int4).
 *
 * @param originalLastDim the last dimension Keras unpacks the stored tensor to
 */
public record Int4Packing(long originalLastDim) {

    /** As {@link #of(String, JsonNode, String)} for a layer entry as stored ({@code {"class_name", "config"}}). */
    public static Optional<Int4Packing> of(String className, String entryJson, String variable) {
        if (entryJson == null) {
            return Optional.empty();
        }
        try {
            JsonNode config = KerasJson.parse(entryJson).get("config");
            return config != null && config.isObject() ? of(className, config, variable) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // the reader already reports an unreadable config
        }
    }

    /**
     * The packing of variable {@code variable} of a layer, when the config says it is int4-packed and
     * gives its unpacked last dimension exactly; empty otherwise (no guess).
     */
    public static Optional<Int4Packing> of(String className, JsonNode config, String variable) {
        if (config == null || !"int4".equals(Quantization.mode(config))) {
            return Optional.empty();
        }
        Long last = switch (className + "." + variable) {
            case "Dense.kernel" -> Dims.optionalInt(config, "units");
            case "Embedding.embeddings" -> Dims.optionalInt(config, "output_dim");
            case "EinsumDense.kernel" -> einsumColumns(config);
            default -> null;
        };
        return last == null ? Optional.empty() : Optional.of(new Int4Packing(last));
    }

    /**
     * EinsumDense flattens its kernel to (reduced dims, kept dims): the kept ones are the kernel's
     * letters that appear in the output, whose sizes {@code output_shape} gives (batch letter first).
     */
    private static Long einsumColumns(JsonNode config) {
        String equation = Dims.text(config, "equation", null);
        JsonNode outputShape = config.get("output_shape");
        if (equation == null || equation.contains(".") || outputShape == null) {
            return null;
        }
        String[] sides = equation.split("->");
        String[] inputs = sides[0].split(",");
        if (sides.length != 2 || inputs.length != 2) {
            return null;
        }
        String output = sides[1].trim();
        List<Long> dims = outputShape.isNumber() ? List.of(outputShape.asLong())
                : Dims.fromJson(outputShape);
        if (dims == null || dims.size() != output.length() - 1) {
            return null;
        }
        long columns = 1;
        for (char letter : inputs[1].trim().toCharArray()) {
            int at = output.indexOf(letter);
            if (at > 0) {
                Long d = dims.get(at - 1);
                if (d == null) {
                    return null;
                }
                columns *= d;
            } else if (at == 0) {
                return null;
            }
        }
        return columns;
    }
}
