package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Output shapes of the convolution, pooling, resampling and padding layers, with Keras's
 * {@code compute_conv_output_shape} arithmetic.
 */
final class SpatialShapes {

    private SpatialShapes() {
    }

    /** Conv, SeparableConv and DepthwiseConv of a rank; depthwise multiplies the channels. */
    static ShapeRule conv(int rank, boolean depthwise) {
        return (config, inputs) -> {
            List<Long> in = single(inputs, rank + 2);
            List<Long> kernel = Dims.tuple(config, "kernel_size", rank);
            List<Long> strides = tupleOr(config, "strides", rank, 1);
            List<Long> dilation = tupleOr(config, "dilation_rate", rank, 1);
            if (in == null || kernel == null || strides == null || dilation == null) {
                return null;
            }
            String padding = Dims.text(config, "padding", "valid");
            boolean first = channelsFirst(config);
            List<Long> spatial = new ArrayList<>();
            for (int i = 0; i < rank; i++) {
                spatial.add(convLength(in.get(first ? i + 2 : i + 1), kernel.get(i), padding,
                        strides.get(i), dilation.get(i)));
            }
            Long channels = depthwise
                    ? Dims.times(in.get(first ? 1 : rank + 1), Dims.intOf(config, "depth_multiplier", 1))
                    : Dims.optionalInt(config, "filters");
            return List.of(assemble(in.get(0), spatial, channels, first));
        };
    }

    /** ConvNDTranspose: Keras's {@code compute_conv_transpose_output_shape}. */
    static ShapeRule transpose(int rank) {
        return (config, inputs) -> {
            List<Long> in = single(inputs, rank + 2);
            List<Long> kernel = Dims.tuple(config, "kernel_size", rank);
            List<Long> strides = tupleOr(config, "strides", rank, 1);
            List<Long> dilation = tupleOr(config, "dilation_rate", rank, 1);
            JsonNode outPadNode = config.get("output_padding");
            List<Long> outPadding = outPadNode == null || outPadNode.isNull() ? null
                    : Dims.tuple(config, "output_padding", rank);
            if (in == null || kernel == null || strides == null || dilation == null) {
                return null;
            }
            String padding = Dims.text(config, "padding", "valid");
            boolean first = channelsFirst(config);
            List<Long> spatial = new ArrayList<>();
            for (int i = 0; i < rank; i++) {
                Long len = in.get(first ? i + 2 : i + 1);
                long k = (kernel.get(i) - 1) * dilation.get(i) + 1;
                long s = strides.get(i);
                if (len == null) {
                    spatial.add(null);
                } else if (outPadding == null) {
                    spatial.add(padding.equals("valid") ? len * s + Math.max(k - s, 0) : len * s);
                } else {
                    long pad = padding.equals("same") ? k / 2 : 0;
                    spatial.add((len - 1) * s + k - 2 * pad + outPadding.get(i));
                }
            }
            return List.of(assemble(in.get(0), spatial, Dims.optionalInt(config, "filters"), first));
        };
    }

    /** MaxPoolingND and AveragePoolingND. */
    static ShapeRule pooling(int rank) {
        return (config, inputs) -> {
            List<Long> in = single(inputs, rank + 2);
            List<Long> pool = tupleOr(config, "pool_size", rank, 2);
            JsonNode stridesNode = config.get("strides");
            List<Long> strides = stridesNode == null || stridesNode.isNull() ? pool
                    : Dims.tuple(config, "strides", rank);
            if (in == null || pool == null || strides == null) {
                return null;
            }
            String padding = Dims.text(config, "padding", "valid");
            boolean first = channelsFirst(config);
            List<Long> spatial = new ArrayList<>();
            for (int i = 0; i < rank; i++) {
                spatial.add(convLength(in.get(first ? i + 2 : i + 1), pool.get(i), padding,
                        strides.get(i), 1L));
            }
            return List.of(assemble(in.get(0), spatial, in.get(first ? 1 : rank + 1), first));
        };
    }

    /** GlobalAverage/MaxPoolingND: channels only, or size-1 spatial axes with keepdims. */
    static ShapeRule globalPooling(int rank) {
        return (config, inputs) -> {
            List<Long> in = single(inputs, rank + 2);
            if (in == null) {
                return null;
            }
            boolean first = channelsFirst(config);
            Long channels = in.get(first ? 1 : rank + 1);
            if (!Dims.flag(config, "keepdims", false)) {
                return List.of(Dims.pair(in.get(0), channels));
            }
            List<Long> ones = new ArrayList<>();
            for (int i = 0; i < rank; i++) {
                ones.add(1L);
            }
            return List.of(assemble(in.get(0), ones, channels, first));
        };
    }

    /** UpSamplingND: each spatial axis times its factor. */
    static ShapeRule upSampling(int rank) {
        return (config, inputs) -> {
            List<Long> in = single(inputs, rank + 2);
            List<Long> size = tupleOr(config, "size", rank, 2);
            if (in == null || size == null) {
                return null;
            }
            boolean first = rank > 1 && channelsFirst(config);
            List<Long> spatial = new ArrayList<>();
            for (int i = 0; i < rank; i++) {
                spatial.add(Dims.times(in.get(first ? i + 2 : i + 1), size.get(i)));
            }
            return List.of(assemble(in.get(0), spatial, in.get(first ? 1 : rank + 1), first));
        };
    }

    /** ZeroPaddingND (sign +1) and CroppingND (sign -1): both ends of each spatial axis. */
    static ShapeRule padding(int rank, String key, int sign) {
        return (config, inputs) -> {
            List<Long> in = single(inputs, rank + 2);
            List<long[]> pads = pairs(config.get(key), rank);
            if (in == null || pads == null) {
                return null;
            }
            boolean first = rank > 1 && channelsFirst(config);
            List<Long> spatial = new ArrayList<>();
            for (int i = 0; i < rank; i++) {
                Long len = in.get(first ? i + 2 : i + 1);
                spatial.add(len == null ? null : len + sign * (pads.get(i)[0] + pads.get(i)[1]));
            }
            return List.of(assemble(in.get(0), spatial, in.get(first ? 1 : rank + 1), first));
        };
    }

    /** Resizing and CenterCrop: a fixed height and width. */
    static List<List<Long>> resize(JsonNode config, List<List<Long>> inputs) {
        List<Long> in = single(inputs, 4);
        Long h = Dims.optionalInt(config, "height");
        Long w = Dims.optionalInt(config, "width");
        if (in == null || h == null || w == null) {
            return null;
        }
        boolean first = channelsFirst(config);
        return List.of(assemble(in.get(0), List.of(h, w), in.get(first ? 1 : 3), first));
    }

    /** Keras's {@code compute_conv_output_shape} for one axis. */
    static Long convLength(Long length, long kernel, String padding, long stride, long dilation) {
        if (length == null) {
            return null;
        }
        long dilated = (kernel - 1) * dilation + 1;
        if (padding.equals("valid")) {
            long n = Math.floorDiv(length - dilated, stride) + 1;
            return Math.max(n, 0);
        }
        return Math.floorDiv(length - 1, stride) + 1;
    }

    static boolean channelsFirst(JsonNode config) {
        return "channels_first".equals(Dims.text(config, "data_format", "channels_last"));
    }

    /** The one input of a layer when it has the given rank, else null. */
    static List<Long> single(List<List<Long>> inputs, int rank) {
        if (inputs == null || inputs.size() != 1 || inputs.get(0) == null
                || inputs.get(0).size() != rank) {
            return null;
        }
        return inputs.get(0);
    }

    private static List<Long> assemble(Long batch, List<Long> spatial, Long channels,
                                       boolean channelsFirst) {
        List<Long> out = new ArrayList<>();
        out.add(batch);
        if (channelsFirst) {
            out.add(channels);
            out.addAll(spatial);
        } else {
            out.addAll(spatial);
            out.add(channels);
        }
        return out;
    }

    private static List<Long> tupleOr(JsonNode config, String key, int rank, long fallback) {
        JsonNode n = config.get(key);
        if (n == null || n.isNull()) {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < rank; i++) {
                out.add(fallback);
            }
            return out;
        }
        return Dims.tuple(config, key, rank);
    }

    /** Padding/cropping config: an int, a list of ints (symmetric), or a list of pairs. */
    private static List<long[]> pairs(JsonNode node, int rank) {
        if (node == null) {
            return null;
        }
        List<long[]> out = new ArrayList<>();
        if (node.isNumber()) {
            for (int i = 0; i < rank; i++) {
                out.add(new long[] {node.asLong(), node.asLong()});
            }
            return out;
        }
        if (!node.isArray()) {
            return null;
        }
        if (rank == 1 && node.size() == 2 && node.get(0).isNumber()) {
            out.add(new long[] {node.get(0).asLong(), node.get(1).asLong()});
            return out;
        }
        if (node.size() != rank) {
            return null;
        }
        for (JsonNode p : node) {
            if (p.isNumber()) {
                out.add(new long[] {p.asLong(), p.asLong()});
            } else if (p.isArray() && p.size() == 2) {
                out.add(new long[] {p.get(0).asLong(), p.get(1).asLong()});
            } else {
                return null;
            }
        }
        return out;
    }
}
