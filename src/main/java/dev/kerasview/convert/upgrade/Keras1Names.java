package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keras 1 layer and argument names turned into Keras 2/3 ones, as Keras 2's
 * {@code keras/legacy/interfaces.py} converted them when it read Keras 1 configs.
 */
final class Keras1Names {

    /** Keras 1 classes renamed in Keras 2 (same layer, same weights). */
    private static final Map<String, String> CLASSES = Map.of(
            "Convolution1D", "Conv1D",
            "Convolution2D", "Conv2D",
            "Convolution3D", "Conv3D",
            "AtrousConvolution1D", "Conv1D",
            "AtrousConvolution2D", "Conv2D",
            "Deconvolution2D", "Conv2DTranspose",
            "SeparableConvolution2D", "SeparableConv2D");

    private static final List<String[]> WEIGHTED = List.of(
            new String[] {"init", "kernel_initializer"},
            new String[] {"W_regularizer", "kernel_regularizer"},
            new String[] {"b_regularizer", "bias_regularizer"},
            new String[] {"W_constraint", "kernel_constraint"},
            new String[] {"b_constraint", "bias_constraint"},
            new String[] {"bias", "use_bias"});

    private static final List<String[]> RECURRENT = List.of(
            new String[] {"output_dim", "units"},
            new String[] {"init", "kernel_initializer"},
            new String[] {"inner_init", "recurrent_initializer"},
            new String[] {"inner_activation", "recurrent_activation"},
            new String[] {"W_regularizer", "kernel_regularizer"},
            new String[] {"b_regularizer", "bias_regularizer"},
            new String[] {"U_regularizer", "recurrent_regularizer"},
            new String[] {"W_constraint", "kernel_constraint"},
            new String[] {"b_constraint", "bias_constraint"},
            new String[] {"U_constraint", "recurrent_constraint"},
            new String[] {"dropout_W", "dropout"},
            new String[] {"dropout_U", "recurrent_dropout"});

    private static final List<String[]> CONV = List.of(
            new String[] {"nb_filter", "filters"},
            new String[] {"subsample", "strides"},
            new String[] {"subsample_length", "strides"},
            new String[] {"filter_length", "kernel_size"},
            new String[] {"atrous_rate", "dilation_rate"},
            new String[] {"border_mode", "padding"},
            new String[] {"dim_ordering", "data_format"});

    private static final Set<String> RNN = Set.of("LSTM", "GRU", "SimpleRNN", "ConvLSTM2D");

    /** Keras 1 argument names that no Keras 2 or 3 layer of the same class uses. */
    private static final Set<String> KERAS1_MARKERS = Set.of(
            "output_dim", "init", "inner_init", "inner_activation", "W_regularizer", "U_regularizer",
            "b_regularizer", "W_constraint", "b_constraint", "dropout_W", "dropout_U", "consume_less",
            "nb_filter", "nb_row", "nb_col", "border_mode", "dim_ordering", "subsample", "filter_length",
            "subsample_length", "pool_length", "forget_bias_init", "input_dtype", "beta_init", "gamma_init", "p");

    private Keras1Names() {
    }

    /** The Keras 2/3 name of a Keras 1 class, or the name itself. */
    static String className(String name) {
        return CLASSES.getOrDefault(name, name);
    }

    /** True when the layer config uses Keras 1 argument names (Embedding's {@code output_dim} excepted). */
    static boolean isKeras1(String className, JsonNode config) {
        for (String marker : KERAS1_MARKERS) {
            if (config.has(marker) && !("output_dim".equals(marker) && "Embedding".equals(className))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Renames the Keras 1 arguments of one layer config ({@code className} is already the Keras 2 name).
     * Values that changed form (dim_ordering, nb_row/nb_col, forget_bias_init, consume_less) are rewritten.
     */
    static ObjectNode rename(String className, String layerName, ObjectNode config, UpgradeRun run)
            throws UpgradeRefusedException {
        ObjectNode c = config;
        if (RNN.contains(className)) {
            c = renameAll(c, RECURRENT, className, layerName, run);
            if (c.has("forget_bias_init")) {
                // Keras 2's rule: only a forget-gate bias of ones has a Keras 2 flag
                boolean ones = "one".equals(Json.text(c.get("forget_bias_init")))
                        || "ones".equals(Json.text(c.get("forget_bias_init")));
                c = Json.renameKey(c, "forget_bias_init", "unit_forget_bias", Json.F.booleanNode(ones));
                run.note(className + " '" + layerName + "': forget_bias_init became unit_forget_bias=" + ones + ".");
            }
            if (c.has("consume_less")) {
                c.remove("consume_less");
                run.note(className + " '" + layerName + "': dropped consume_less, a Keras 1 speed setting with no"
                        + " effect on the result.");
            }
        }
        if (className.startsWith("Conv") || className.startsWith("SeparableConv") || className.startsWith("Depthwise")
                || className.startsWith("Conv2DTranspose")) {
            c = renameAll(c, CONV, className, layerName, run);
            c = renameAll(c, WEIGHTED, className, layerName, run);
            c = kernelSize(c, className, layerName, run);
        }
        switch (className) {
            case "Dense" -> {
                c = renameAll(c, List.<String[]>of(new String[] {"output_dim", "units"}), className, layerName, run);
                c = renameAll(c, WEIGHTED, className, layerName, run);
            }
            case "Embedding" -> c = renameAll(c, List.of(
                    new String[] {"init", "embeddings_initializer"},
                    new String[] {"W_regularizer", "embeddings_regularizer"},
                    new String[] {"W_constraint", "embeddings_constraint"}), className, layerName, run);
            case "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "GaussianDropout" ->
                    c = renameAll(c, List.<String[]>of(new String[] {"p", "rate"}), className, layerName, run);
            case "GaussianNoise" ->
                    c = renameAll(c, List.<String[]>of(new String[] {"sigma", "stddev"}), className, layerName, run);
            case "PReLU" ->
                    c = renameAll(c, List.<String[]>of(new String[] {"init", "alpha_initializer"}), className, layerName, run);
            case "BatchNormalization" -> {
                c = renameAll(c, List.of(new String[] {"beta_init", "beta_initializer"},
                        new String[] {"gamma_init", "gamma_initializer"}), className, layerName, run);
                JsonNode mode = c.get("mode");
                if (mode != null) {
                    if (mode.asInt(-1) != 0) {
                        throw new UpgradeRefusedException(Reason.INEXACT, List.of(layerName),
                                "BatchNormalization '" + layerName + "' uses Keras 1 mode=" + mode
                                        + ", which normalises per sample; Keras 2 and 3 only have mode 0 (feature-wise)."
                                        + " Replace the layer (e.g. with LayerNormalization) and retrain.");
                    }
                    c.remove("mode");
                    run.note("BatchNormalization '" + layerName + "': dropped Keras 1 mode=0, the only mode Keras 3 has.");
                }
            }
            case "UpSampling1D" ->
                    c = renameAll(c, List.<String[]>of(new String[] {"length", "size"}), className, layerName, run);
            default -> {
            }
        }
        if (className.contains("Pooling") || className.startsWith("UpSampling") || className.startsWith("ZeroPadding")
                || className.startsWith("Cropping") || className.startsWith("SpatialDropout")) {
            c = renameAll(c, List.of(new String[] {"pool_length", "pool_size"}, new String[] {"stride", "strides"},
                    new String[] {"border_mode", "padding"}, new String[] {"dim_ordering", "data_format"}),
                    className, layerName, run);
        }
        if (c.has("data_format")) {
            c.set("data_format", Json.F.textNode(dataFormat(Json.text(c.get("data_format")))));
        }
        return c;
    }

    /** Keras 1 dim_ordering values: 'th' is channels first, 'tf' (and 'default', Keras 1's own default) last. */
    private static String dataFormat(String value) {
        if (value == null) {
            return "channels_last";
        }
        return switch (value) {
            case "th" -> "channels_first";
            case "tf", "default" -> "channels_last";
            default -> value;
        };
    }

    /** Keras 1 spelled 2-D and 3-D kernel sizes as nb_row/nb_col and kernel_dim1..3; 1-D as one number. */
    private static ObjectNode kernelSize(ObjectNode c, String className, String layerName, UpgradeRun run) {
        if (c.has("nb_row") && c.has("nb_col")) {
            var size = Json.array().add(c.get("nb_row")).add(c.get("nb_col"));
            c = Json.renameKey(c, "nb_row", "kernel_size", size);
            c.remove("nb_col");
            run.note(className + " '" + layerName + "': nb_row/nb_col became kernel_size.");
        } else if (c.has("kernel_dim1")) {
            var size = Json.array().add(c.get("kernel_dim1")).add(c.get("kernel_dim2")).add(c.get("kernel_dim3"));
            c = Json.renameKey(c, "kernel_dim1", "kernel_size", size);
            c.remove("kernel_dim2");
            c.remove("kernel_dim3");
            run.note(className + " '" + layerName + "': kernel_dim1..3 became kernel_size.");
        }
        for (String key : List.of("kernel_size", "strides", "dilation_rate")) {
            JsonNode v = c.get(key);
            if (v != null && v.isIntegralNumber()) {
                c.set(key, Json.array().add(v));
            }
        }
        return c;
    }

    private static ObjectNode renameAll(ObjectNode c, List<String[]> pairs, String className, String layerName,
                                        UpgradeRun run) {
        List<String> renamed = new ArrayList<>();
        for (String[] p : pairs) {
            if (c.has(p[0]) && !c.has(p[1])) {
                c = Json.renameKey(c, p[0], p[1], c.get(p[0]));
                renamed.add(p[0] + " -> " + p[1]);
            } else if (c.has(p[0])) {
                c.remove(p[0]);
            }
        }
        if (!renamed.isEmpty()) {
            run.note(className + " '" + layerName + "': Keras 1 arguments renamed (" + String.join(", ", renamed) + ").");
        }
        return c;
    }
}
