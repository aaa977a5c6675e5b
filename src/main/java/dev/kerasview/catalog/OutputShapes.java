package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Keras's {@code compute_output_shape} of the built-in layers, by class name. */
final class OutputShapes {

    /** Built-ins whose output has their input's shape. */
    private static final Set<String> SAME_SHAPE = Set.of(
            "Activation", "ReLU", "LeakyReLU", "PReLU", "ELU", "Softmax", "ThresholdedReLU",
            "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D",
            "GaussianDropout", "GaussianNoise", "AlphaDropout", "ActivityRegularization",
            "Masking", "Identity", "BatchNormalization", "LayerNormalization",
            "GroupNormalization", "UnitNormalization", "RMSNormalization", "Normalization",
            "Rescaling", "RandomFlip", "RandomRotation", "RandomTranslation", "RandomZoom",
            "RandomContrast", "RandomBrightness", "SpectralNormalization");

    private static final Set<String> MERGES = Set.of(
            "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum");

    private final Map<String, ShapeRule> rules = new HashMap<>();

    OutputShapes() {
        SequenceShapes sequences = new SequenceShapes(this);
        for (String c : SAME_SHAPE) {
            rules.put(c, TensorShapes::same);
        }
        for (String c : MERGES) {
            rules.put(c, TensorShapes::merge);
        }
        rules.put("Dense", TensorShapes::dense);
        rules.put("EinsumDense", TensorShapes::einsumDense);
        rules.put("Embedding", TensorShapes::embedding);
        rules.put("Flatten", TensorShapes::flatten);
        rules.put("Reshape", TensorShapes::reshape);
        rules.put("Permute", TensorShapes::permute);
        rules.put("RepeatVector", TensorShapes::repeatVector);
        rules.put("Concatenate", TensorShapes::concatenate);
        for (int rank = 1; rank <= 3; rank++) {
            ShapeRule conv = SpatialShapes.conv(rank, false);
            rules.put("Conv" + rank + "D", conv);
            rules.put("Convolution" + rank + "D", conv);
            rules.put("Conv" + rank + "DTranspose", SpatialShapes.transpose(rank));
            rules.put("Convolution" + rank + "DTranspose", SpatialShapes.transpose(rank));
            for (String pool : List.of("MaxPooling", "MaxPool", "AveragePooling", "AvgPool")) {
                rules.put(pool + rank + "D", SpatialShapes.pooling(rank));
            }
            for (String global : List.of("GlobalMaxPooling", "GlobalMaxPool",
                    "GlobalAveragePooling", "GlobalAvgPool")) {
                rules.put(global + rank + "D", SpatialShapes.globalPooling(rank));
            }
            rules.put("UpSampling" + rank + "D", SpatialShapes.upSampling(rank));
            rules.put("ZeroPadding" + rank + "D", SpatialShapes.padding(rank, "padding", 1));
            rules.put("Cropping" + rank + "D", SpatialShapes.padding(rank, "cropping", -1));
        }
        for (int rank = 1; rank <= 2; rank++) {
            rules.put("SeparableConv" + rank + "D", SpatialShapes.conv(rank, false));
            rules.put("SeparableConvolution" + rank + "D", SpatialShapes.conv(rank, false));
            rules.put("DepthwiseConv" + rank + "D", SpatialShapes.conv(rank, true));
        }
        rules.put("Resizing", SpatialShapes::resize);
        rules.put("CenterCrop", SpatialShapes::resize);
        rules.put("LSTM", SequenceShapes.recurrent(2));
        rules.put("GRU", SequenceShapes.recurrent(1));
        rules.put("SimpleRNN", SequenceShapes.recurrent(1));
        rules.put("RNN", SequenceShapes::genericRnn);
        rules.put("Bidirectional", sequences::bidirectional);
        rules.put("TimeDistributed", sequences::timeDistributed);
        rules.put("MultiHeadAttention", SequenceShapes::multiHeadAttention);
        rules.put("Attention", SequenceShapes::attention);
        rules.put("AdditiveAttention", SequenceShapes::attention);
    }

    /**
     * The output shape of a {@code keras.ops} call: only the elementwise binary operations
     * (numpy broadcasting) with two tensor arguments; null for others.
     */
    List<List<Long>> ofOperation(String className, List<List<Long>> inputs) {
        if (!MERGES.contains(className) || inputs == null || inputs.size() != 2
                || Dims.anyNull(inputs)) {
            return null;
        }
        return TensorShapes.merge(JsonNodeFactory.instance.objectNode(), inputs);
    }

    /** True when the class's output shapes can be computed. */
    boolean knows(String className) {
        return className != null && rules.containsKey(className);
    }

    /**
     * The output shapes of one call, or null when the class is unknown (custom, Lambda) or the
     * inputs do not allow it.
     */
    List<List<Long>> of(String className, JsonNode config, List<List<Long>> inputs) {
        ShapeRule rule = className == null ? null : rules.get(className);
        if (rule == null || inputs == null || Dims.anyNull(inputs)) {
            return null;
        }
        JsonNode c = config == null || !config.isObject()
                ? JsonNodeFactory.instance.objectNode() : config;
        return rule.apply(c, inputs);
    }
}
