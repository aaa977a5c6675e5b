package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One recorded call of a TensorFlow operation, from either tf.keras form, with its arguments in the order of the
 * TensorFlow function's parameters.
 *
 * @param layerClass {@code TensorFlowOpLayer} or {@code TFOpLambda}
 * @param layerName the op layer's own name (the one inbound nodes use)
 * @param written   what the file calls the operation ({@code Sub}, {@code math.multiply}), for messages
 * @param operation the operation
 * @param args      positional arguments; null where the call left a parameter at its default
 * @param floatType false when a graph op's {@code T} attribute names a type other than float32
 * @param attributes a graph op's {@code node_def.attr} (strides, padding, ...); empty for a TFOpLambda
 */
record TfOpCall(String layerClass, String layerName, String written, TfOperation operation, List<Arg> args,
                boolean floatType, JsonNode attributes) {

    TfOpCall {
        args = java.util.Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** The argument at {@code index}, or null when the call did not give it. */
    Arg arg(int index) {
        return index < args.size() ? args.get(index) : null;
    }

    /** The refusal of this call, saying why it has no exact Keras 3 form. */
    UpgradeRefusedException refuse(String why) {
        return TfOpCalls.refusal(layerClass, layerName, written, why);
    }

    /** One argument of the call. */
    sealed interface Arg {
    }

    /** A tensor of the graph: {@code [layer, node_index, tensor_index]}. */
    record Tensor(String layer, int nodeIndex, int tensorIndex) implements Arg {
    }

    /** A value written into the config: a number, a nested list, or null. */
    record Constant(JsonNode value) implements Arg {
    }

    /** A list of arguments passed as one (the {@code values} of {@code concat}). */
    record ArgList(List<Arg> items) implements Arg {
        ArgList {
            items = List.copyOf(items);
        }
    }
}
