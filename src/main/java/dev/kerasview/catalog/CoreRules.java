package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense, EinsumDense and Embedding, plain, quantized and LoRA-enabled (KERAS_FORMATS.md §4.5,
 * §7): the variables in saved order ({@code variable_serialization_spec}) and in the order
 * {@code build()} creates them, which the legacy .h5 loader pairs by position.
 */
final class CoreRules {

    private CoreRules() {
    }

    static List<VariableSpec> dense(JsonNode config, BuildShapes shapes) {
        return denseLike(config, shapes).saved();
    }

    static List<VariableSpec> einsumDense(JsonNode config, BuildShapes shapes) {
        return einsumLike(config, shapes).saved();
    }

    static List<VariableSpec> embedding(JsonNode config, BuildShapes shapes) {
        return embeddingLike(config).saved();
    }

    /** Creation order for the three classes, or null for another class. */
    static List<VariableSpec> created(String className, JsonNode config, BuildShapes shapes) {
        return switch (className) {
            case "Dense" -> denseLike(config, shapes).created();
            case "EinsumDense" -> einsumLike(config, shapes).created();
            case "Embedding" -> embeddingLike(config).created();
            default -> null;
        };
    }

    /** Both orders of one layer's variables. */
    private record Orders(List<VariableSpec> saved, List<VariableSpec> created) {
    }

    private static Orders denseLike(JsonNode config, BuildShapes shapes) {
        Long in = Dims.at(shapes.input(), -1);
        Long units = Dims.optionalInt(config, "units");
        boolean useBias = Dims.flag(config, "use_bias", true);
        return kernelAndBias(config, Dims.of(in, units), useBias ? Dims.of(units) : null,
                useBias, true);
    }

    private static Orders einsumLike(JsonNode config, BuildShapes shapes) {
        List<Long> output = outputShape(config.get("output_shape"));
        String biasAxes = config.hasNonNull("bias_axes") ? config.get("bias_axes").asText() : null;
        EinsumShapes s = EinsumShapes.analyse(Dims.text(config, "equation", null), biasAxes,
                shapes.input(), output);
        boolean useBias = biasAxes != null && !biasAxes.isEmpty();
        return kernelAndBias(config, s.kernel(), s.bias(), useBias, false);
    }

    private static Orders embeddingLike(JsonNode config) {
        Long inputDim = Dims.optionalInt(config, "input_dim");
        Long outputDim = Dims.optionalInt(config, "output_dim");
        String mode = Quantization.mode(config);
        Long block = Quantization.blockSize(config);
        List<VariableSpec> out = new ArrayList<>();
        if ("int8".equals(mode)) {
            out.add(new VariableSpec("embeddings", Dims.of(inputDim, outputDim), false));
            out.add(new VariableSpec("embeddings_scale", Dims.of(inputDim), false));
        } else if ("int4".equals(mode)) {
            Long packed = outputDim == null ? null : (outputDim + 1) / 2;
            List<Long> scale = block == null ? Dims.of(inputDim)
                    : Dims.of(inputDim, ceilDiv(outputDim, block));
            out.add(new VariableSpec("embeddings", Dims.of(inputDim, packed), false));
            out.add(new VariableSpec("embeddings_scale", scale, false));
            if (block != null) {
                out.add(new VariableSpec("embeddings_zero", scale, false));
                out.add(new VariableSpec("g_idx", Dims.of(outputDim), false));
            }
        } else {
            out.add(new VariableSpec("embeddings", Dims.of(inputDim, outputDim), true));
        }
        Lora lora = Lora.of(config);
        if (lora == null) {
            return new Orders(out, out);
        }
        List<VariableSpec> saved = frozen(out, "embeddings");
        List<VariableSpec> created = new ArrayList<>(saved);
        created.add(new VariableSpec("lora_embeddings_a", Dims.of(inputDim, lora.rank()), true));
        created.add(new VariableSpec("lora_embeddings_b", Dims.of(lora.rank(), outputDim), true));
        return new Orders(saved, created);
    }

    /** Keras's output_shape config: an int or a list of ints/nulls. */
    private static List<Long> outputShape(JsonNode node) {
        if (node != null && node.isNumber()) {
            List<Long> out = new ArrayList<>();
            out.add(node.asLong());
            return out;
        }
        return Dims.fromJson(node);
    }

    private static Orders kernelAndBias(JsonNode config, List<Long> kernel, List<Long> bias,
                                        boolean useBias, boolean dense) {
        String mode = Quantization.mode(config);
        Long block = Quantization.blockSize(config);
        Map<String, VariableSpec> specs = new LinkedHashMap<>();
        List<String> savedNames = switch (mode == null ? "" : mode) {
            case "int8", "ternary" -> List.of("kernel", "bias", "kernel_scale");
            case "int4" -> List.of("kernel", "bias", "kernel_scale", "kernel_zero", "g_idx");
            case "float8" -> List.of("kernel", "bias", "inputs_scale", "inputs_amax_history",
                    "kernel_scale", "kernel_amax_history", "outputs_grad_scale",
                    "outputs_grad_amax_history");
            case "gptq" -> List.of("bias", "quantized_kernel", "kernel_scale", "kernel_zero",
                    "g_idx");
            case "awq" -> List.of("bias", "quantized_kernel", "kernel_scale", "kernel_zero",
                    "awq_scales", "g_idx");
            default -> List.of("kernel", "bias");
        };
        for (String name : savedNames) {
            if (name.equals("bias") && !useBias
                    || "int4".equals(mode) && block == null
                    && (name.equals("kernel_zero") || name.equals("g_idx"))) {
                continue;
            }
            specs.put(name, new VariableSpec(name, shape(name, mode, block, kernel, bias, dense),
                    trainable(name, mode)));
        }
        // build() creates the quantized variables first, the float kernel after, the bias last.
        List<String> createdNames = new ArrayList<>(specs.keySet());
        createdNames.remove("bias");
        if ("float8".equals(mode)) {
            createdNames.remove("kernel");
            createdNames.add("kernel");
        }
        if (specs.containsKey("bias")) {
            createdNames.add("bias");
        }
        Lora lora = Lora.of(config);
        if (lora != null && specs.containsKey("kernel")) {
            specs.put("kernel", new VariableSpec("kernel", specs.get("kernel").shape(), false));
        }
        List<VariableSpec> saved = new ArrayList<>();
        for (String name : specs.keySet()) {
            saved.add(specs.get(name));
        }
        List<VariableSpec> created = new ArrayList<>();
        for (String name : createdNames) {
            created.add(specs.get(name));
        }
        if (lora != null) {
            // enable_lora: lora_kernel_a (kernel's leading dims, rank), lora_kernel_b (rank, last dim)
            List<Long> a = null;
            List<Long> b = null;
            if (mode == null && kernel != null && !kernel.contains(null)) {
                a = new ArrayList<>(kernel.subList(0, kernel.size() - 1));
                a.add(lora.rank());
                b = Dims.of(lora.rank(), kernel.get(kernel.size() - 1));
            }
            created.add(new VariableSpec("lora_kernel_a", a, true));
            created.add(new VariableSpec("lora_kernel_b", b, true));
        }
        return new Orders(saved, created);
    }

    private static List<Long> shape(String name, String mode, Long block, List<Long> kernel,
                                    List<Long> bias, boolean dense) {
        if ("float8".equals(mode)) {
            return switch (name) {
                case "kernel" -> kernel;
                case "bias" -> bias;
                case "inputs_scale", "kernel_scale", "outputs_grad_scale" -> List.of();
                default -> null; // amax history: the policy's amax_history_length
            };
        }
        Long in = dense && kernel != null && kernel.size() == 2 ? kernel.get(0) : null;
        Long units = dense && kernel != null && kernel.size() == 2 ? kernel.get(1) : null;
        return switch (name) {
            case "bias" -> bias;
            case "kernel" -> "int8".equals(mode) || mode == null ? kernel
                    : "int4".equals(mode) && units != null ? Dims.of(in, (units + 1) / 2) : null;
            case "kernel_scale", "kernel_zero" -> "int8".equals(mode) && units != null
                    ? Dims.of(units)
                    : "int4".equals(mode) && units != null
                    ? block == null ? Dims.of(units) : Dims.of(ceilDiv(in, block), units) : null;
            case "g_idx" -> "int4".equals(mode) ? Dims.of(in) : null;
            default -> null;
        };
    }

    /** Float8 scales and histories are trainable (Keras overwrites them with gradients). */
    private static boolean trainable(String name, String mode) {
        return name.equals("bias") || "float8".equals(mode) || mode == null;
    }

    private static List<VariableSpec> frozen(List<VariableSpec> specs, String name) {
        List<VariableSpec> out = new ArrayList<>();
        for (VariableSpec v : specs) {
            out.add(v.name().equals(name) ? new VariableSpec(name, v.shape(), false) : v);
        }
        return out;
    }

    private static Long ceilDiv(Long a, long b) {
        return a == null ? null : (a + b - 1) / b;
    }
}
