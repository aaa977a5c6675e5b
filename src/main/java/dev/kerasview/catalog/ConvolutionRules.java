package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Convolutions: plain, transposed, depthwise, separable and convolutional LSTM cells. */
final class ConvolutionRules {

    private ConvolutionRules() {
    }

    /** Conv1D/2D/3D: kernel (*ks, in/groups, filters), bias (filters,). */
    static VariableRule conv(int rank) {
        return (config, shapes) -> {
            Long in = channels(config, shapes.input(), 1);
            long groups = Dims.intOf(config, "groups", 1);
            Long filters = Dims.optionalInt(config, "filters");
            Long perGroup = in == null ? null : in / Math.max(groups, 1);
            List<Long> kernel = Dims.concat(Dims.tuple(config, "kernel_size", rank),
                    Dims.pair(perGroup, filters));
            return kernelAndBias(config, kernel, Dims.of(filters));
        };
    }

    /** ConvXDTranspose: kernel (*ks, filters, in), bias (filters,). */
    static VariableRule transpose(int rank) {
        return (config, shapes) -> {
            Long in = channels(config, shapes.input(), 1);
            Long filters = Dims.optionalInt(config, "filters");
            List<Long> kernel = Dims.concat(Dims.tuple(config, "kernel_size", rank),
                    Dims.pair(filters, in));
            return kernelAndBias(config, kernel, Dims.of(filters));
        };
    }

    /** DepthwiseConvXD: kernel (*ks, in, dm), bias (in·dm,). */
    static VariableRule depthwise(int rank) {
        return (config, shapes) -> {
            Long in = channels(config, shapes.input(), 1);
            long dm = Dims.intOf(config, "depth_multiplier", 1);
            List<Long> kernel = Dims.concat(Dims.tuple(config, "kernel_size", rank),
                    Dims.pair(in, dm));
            return kernelAndBias(config, kernel, Dims.of(Dims.times(in, dm)));
        };
    }

    /** SeparableConvXD: depthwise_kernel, pointwise_kernel, bias. */
    static VariableRule separable(int rank) {
        return (config, shapes) -> {
            Long in = channels(config, shapes.input(), 1);
            long dm = Dims.intOf(config, "depth_multiplier", 1);
            Long filters = Dims.optionalInt(config, "filters");
            List<Long> ones = new ArrayList<>(Collections.nCopies(rank, 1L));
            List<VariableSpec> out = new ArrayList<>();
            out.add(new VariableSpec("depthwise_kernel",
                    Dims.concat(Dims.tuple(config, "kernel_size", rank), Dims.pair(in, dm)),
                    true));
            out.add(new VariableSpec("pointwise_kernel",
                    Dims.concat(ones, Dims.pair(Dims.times(in, dm), filters)), true));
            if (Dims.flag(config, "use_bias", true)) {
                out.add(new VariableSpec("bias", Dims.of(filters), true));
            }
            return out;
        };
    }

    /** ConvLSTMCell: kernel (*ks, in, 4f), recurrent_kernel (*ks, f, 4f), bias (4f,). */
    static VariableRule convLstmCell(int rank) {
        return (config, shapes) -> {
            // The cell sees (batch, *spatial, channels) or (batch, channels, *spatial).
            Long in = channels(config, shapes.input(), 1);
            Long filters = Dims.optionalInt(config, "filters");
            List<Long> ks = Dims.tuple(config, "kernel_size", rank);
            Long gates = Dims.times(filters, 4L);
            List<VariableSpec> out = new ArrayList<>();
            out.add(new VariableSpec("kernel", Dims.concat(ks, Dims.pair(in, gates)), true));
            out.add(new VariableSpec("recurrent_kernel",
                    Dims.concat(ks, Dims.pair(filters, gates)), true));
            if (Dims.flag(config, "use_bias", true)) {
                out.add(new VariableSpec("bias", Dims.of(gates), true));
            }
            return out;
        };
    }

    /** The channel dimension: axis {@code firstAxis} for channels_first, else the last axis. */
    static Long channels(JsonNode config, List<Long> input, int firstAxis) {
        if ("channels_first".equals(Dims.text(config, "data_format", "channels_last"))) {
            return Dims.at(input, firstAxis);
        }
        return Dims.at(input, -1);
    }

    private static List<VariableSpec> kernelAndBias(JsonNode config, List<Long> kernel,
                                                    List<Long> bias) {
        List<VariableSpec> out = new ArrayList<>();
        out.add(new VariableSpec("kernel", kernel, true));
        if (Dims.flag(config, "use_bias", true)) {
            out.add(new VariableSpec("bias", bias, true));
        }
        return out;
    }
}
