package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Dense, EinsumDense and Embedding, plain and quantized (KERAS_FORMATS.md §4.5, §7). */
final class CoreRules {

    private CoreRules() {
    }

    static List<VariableSpec> dense(JsonNode config, BuildShapes shapes) {
        Long in = Dims.at(shapes.input(), -1);
        Long units = Dims.optionalInt(config, "units");
        boolean useBias = Dims.flag(config, "use_bias", true);
        List<Long> kernel = Dims.of(in, units);
        List<Long> bias = useBias ? Dims.of(units) : null;
        return kernelAndBias(config, kernel, bias, useBias, units);
    }

    static List<VariableSpec> einsumDense(JsonNode config, BuildShapes shapes) {
        List<Long> output = outputShape(config.get("output_shape"));
        String biasAxes = config.hasNonNull("bias_axes") ? config.get("bias_axes").asText() : null;
        EinsumShapes s = EinsumShapes.analyse(Dims.text(config, "equation", null), biasAxes,
                shapes.input(), output);
        boolean useBias = biasAxes != null && !biasAxes.isEmpty();
        Long lastOut = s.kernel() == null ? null : s.kernel().get(s.kernel().size() - 1);
        return kernelAndBias(config, s.kernel(), s.bias(), useBias, lastOut);
    }

    static List<VariableSpec> embedding(JsonNode config, BuildShapes shapes) {
        Long inputDim = Dims.optionalInt(config, "input_dim");
        Long outputDim = Dims.optionalInt(config, "output_dim");
        List<Long> table = Dims.of(inputDim, outputDim);
        String mode = Quantization.mode(config);
        List<VariableSpec> out = new ArrayList<>();
        if ("int8".equals(mode)) {
            out.add(new VariableSpec("embeddings", table, false));
            out.add(new VariableSpec("embeddings_scale", Dims.of(inputDim), false));
        } else if ("int4".equals(mode)) {
            out.add(new VariableSpec("embeddings", null, false));
            out.add(new VariableSpec("embeddings_scale", null, false));
            out.add(new VariableSpec("embeddings_zero", null, false));
            out.add(new VariableSpec("g_idx", null, false));
        } else {
            out.add(new VariableSpec("embeddings", table, true));
        }
        return out;
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

    private static List<VariableSpec> kernelAndBias(JsonNode config, List<Long> kernel,
                                                    List<Long> bias, boolean useBias,
                                                    Long units) {
        String mode = Quantization.mode(config);
        List<VariableSpec> out = new ArrayList<>();
        if (mode == null) {
            out.add(new VariableSpec("kernel", kernel, true));
            if (useBias) {
                out.add(new VariableSpec("bias", bias, true));
            }
            return out;
        }
        List<String> names = switch (mode) {
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
        for (String name : names) {
            if (name.equals("bias") && !useBias) {
                continue;
            }
            List<Long> shape = switch (name) {
                case "bias" -> bias;
                case "kernel" -> "int8".equals(mode) || "float8".equals(mode) ? kernel : null;
                case "kernel_scale" -> "int8".equals(mode) && kernel != null
                        && kernel.size() == 2 ? Dims.of(units) : null;
                case "inputs_scale", "kernel_scale_f8", "outputs_grad_scale" -> List.of();
                default -> null;
            };
            if ("float8".equals(mode) && name.endsWith("_scale")) {
                shape = List.of();
            }
            // Keras creates float8's scales and amax histories trainable (their "gradients"
            // overwrite them); the other modes train only the bias.
            boolean trainable = name.equals("bias") || "float8".equals(mode);
            out.add(new VariableSpec(name, shape, trainable));
        }
        return out;
    }
}
