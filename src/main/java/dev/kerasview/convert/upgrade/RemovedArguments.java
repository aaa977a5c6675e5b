package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Arguments older Keras layers took that Keras 3.15.1's constructors refuse: dropped when their value
 * changes nothing (the old default, or a speed setting), refused when it would change what the layer computes.
 */
final class RemovedArguments {

    private record Removed(Predicate<JsonNode> noOp, String why) {
    }

    private static final Set<String> RNN = Set.of("LSTM", "GRU", "SimpleRNN", "ConvLSTM1D", "ConvLSTM2D",
            "ConvLSTM3D", "RNN");

    private static final Predicate<JsonNode> ANY = v -> true;
    private static final Predicate<JsonNode> NULL_OR_FALSE = v -> Json.absent(v) || (v.isBoolean() && !v.booleanValue());

    /** Per argument: when dropping it is exact, and why it went away. */
    private static final Map<String, Removed> COMMON = Map.of(
            // where a layer sits in the graph, recorded again by the InputLayer the upgrade creates
            "batch_input_shape", new Removed(ANY, "the input shape now lives in the model's InputLayer"),
            "batch_size", new Removed(ANY, "the input shape now lives in the model's InputLayer"),
            "input_length", new Removed(ANY, "the input shape now lives in the model's InputLayer"),
            "input_dtype", new Removed(ANY, "the input dtype now lives in the model's InputLayer"),
            "input_dim", new Removed(ANY, "the input shape now lives in the model's InputLayer"),
            "input_shape", new Removed(ANY, "the input shape now lives in the model's InputLayer"));

    private static final Map<String, Map<String, Removed>> BY_CLASS = Map.of(
            "RNN", Map.of(
                    "time_major", new Removed(NULL_OR_FALSE, "Keras 3 removed time_major (inputs are batch-major)"),
                    "implementation", new Removed(ANY, "Keras 3 removed implementation, a speed setting that does"
                            + " not change the result")),
            "BatchNormalization", Map.of(
                    "fused", new Removed(ANY, "Keras 3 removed fused, a speed setting"),
                    "virtual_batch_size", new Removed(Json::absent, "Keras 3 removed virtual_batch_size"),
                    "adjustment", new Removed(Json::absent, "Keras 3 removed adjustment")),
            "Attention", Map.of(
                    "causal", new Removed(NULL_OR_FALSE, "Keras 3 moved causal masking to the call argument"
                            + " use_causal_mask")),
            "Embedding", Map.of(
                    "dropout", new Removed(v -> v.asDouble(1) == 0.0, "Keras 1's Embedding dropout is gone")),
            "MultiHeadAttention", Map.of(
                    "query_shape", new Removed(ANY, "tf.keras recorded the shapes it was built with; Keras 3 builds"
                            + " from the inputs"),
                    "key_shape", new Removed(ANY, "tf.keras recorded the shapes it was built with"),
                    "value_shape", new Removed(ANY, "tf.keras recorded the shapes it was built with")));

    /** Arguments dropped from any class whose Keras 3 constructor does not take them. */
    private static final Map<String, Removed> ANY_CLASS = Map.of(
            // tf.keras's convolution base class wrote groups=1 for every subclass (DepthwiseConv2D,
            // SeparableConv2D, Conv2DTranspose, ...); Keras 3 has groups only on Conv1D/2D/3D
            "groups", new Removed(v -> v.asInt(-1) == 1, "Keras 3's layer has no groups argument (tf.keras"
                    + " recorded its convolution default, 1)"),
            "force_generator", new Removed(ANY, "Keras 3 removed tf.keras's force_generator, a choice of random"
                    + " number generator for training-time augmentation"));

    private RemovedArguments() {
    }

    /**
     * Drops the removed arguments of one built-in layer config; refuses an argument Keras 3 does not take
     * when its value matters, or when kerasview does not know the argument.
     */
    static void apply(ObjectNode config, String className, String layerName, UpgradeRun run)
            throws UpgradeRefusedException {
        Set<String> accepted = Objects.requireNonNullElse(run.arguments.accepted(className), Set.of());
        Map<String, Removed> own = BY_CLASS.getOrDefault(RNN.contains(className) ? "RNN" : className, Map.of());
        List<String> unknown = new ArrayList<>();
        for (String key : Json.keys(config)) {
            JsonNode value = config.get(key);
            if ("Embedding".equals(className) && "input_dim".equals(key)) {
                continue; // Embedding's own input_dim is its vocabulary size, not an input shape
            }
            Removed removed = own.containsKey(key) ? own.get(key)
                    : ANY_CLASS.containsKey(key) && !accepted.contains(key) ? ANY_CLASS.get(key) : COMMON.get(key);
            if (removed != null) {
                if (!removed.noOp().test(value)) {
                    throw new UpgradeRefusedException(Reason.INEXACT, List.of(layerName),
                            className + " '" + layerName + "' sets " + key + "=" + value + ": " + removed.why()
                                    + ", and this value changes what the layer computes, so no exact Keras 3 layer"
                                    + " exists. Rebuild the layer without it in Keras 3 and retrain or port the weights.");
                }
                config.remove(key);
                if (!COMMON.containsKey(key)) {
                    run.note(className + " '" + layerName + "': dropped " + key + "=" + value + " (" + removed.why()
                            + ").");
                }
            } else if (!accepted.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UpgradeRefusedException(Reason.INEXACT, List.of(layerName),
                    className + " '" + layerName + "' has the argument(s) " + unknown + ", which Keras 3.15.1's "
                            + className + " does not take, and kerasview does not know whether dropping them keeps"
                            + " the layer's behaviour. Remove them in the source model if they are defaults, save"
                            + " again, and convert that file.");
        }
    }
}
