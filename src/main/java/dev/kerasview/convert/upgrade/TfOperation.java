package dev.kerasview.convert.upgrade;

import java.util.List;
import java.util.Set;

/**
 * The TensorFlow operations kerasview translates, with the names tf.keras recorded them under: the graph op of a
 * {@code TensorFlowOpLayer}'s {@code node_def} (tf.keras 2.0-2.3) and the {@code function} symbol of a
 * {@code TFOpLambda} (tf.keras 2.4+) with the Python parameter names of that TensorFlow function, by which the
 * call's later arguments are keyed in its inbound node.
 */
enum TfOperation {
    ADD(Set.of("Add", "AddV2"), Set.of("__operators__.add", "math.add"), List.of("x", "y")),
    SUBTRACT(Set.of("Sub"), Set.of("math.subtract", "__operators__.sub"), List.of("x", "y")),
    MULTIPLY(Set.of("Mul"), Set.of("math.multiply", "__operators__.mul"), List.of("x", "y")),
    DIVIDE(Set.of("RealDiv"), Set.of("math.truediv", "math.divide", "__operators__.truediv"), List.of("x", "y")),
    RESHAPE(Set.of("Reshape"), Set.of("reshape", "compat.v1.reshape"), List.of("tensor", "shape")),
    EXPAND_DIMS(Set.of("ExpandDims"), Set.of("expand_dims", "compat.v1.expand_dims"), List.of("input", "axis")),
    SQUEEZE(Set.of("Squeeze"), Set.of("squeeze", "compat.v1.squeeze"), List.of("input", "axis")),
    CONCAT(Set.of("ConcatV2"), Set.of("concat"), List.of("values", "axis")),
    RELU(Set.of("Relu"), Set.of("nn.relu"), List.of("features")),
    RELU6(Set.of("Relu6"), Set.of("nn.relu6"), List.of("features")),
    SIGMOID(Set.of("Sigmoid"), Set.of("math.sigmoid", "nn.sigmoid", "sigmoid"), List.of("x")),
    TANH(Set.of("Tanh"), Set.of("math.tanh", "nn.tanh", "tanh"), List.of("x")),
    CONV2D(Set.of("Conv2D"), Set.of(), List.of("input", "filter"));

    private final Set<String> graphOps;
    private final Set<String> symbols;
    private final List<String> parameters;

    TfOperation(Set<String> graphOps, Set<String> symbols, List<String> parameters) {
        this.graphOps = graphOps;
        this.symbols = symbols;
        this.parameters = parameters;
    }

    /** The Python parameter names of the TensorFlow function, in positional order. */
    List<String> parameters() {
        return parameters;
    }

    /** The operation a {@code node_def.op} names, or null. */
    static TfOperation ofGraphOp(String op) {
        for (TfOperation o : values()) {
            if (o.graphOps.contains(op)) {
                return o;
            }
        }
        return null;
    }

    /** The operation a TFOpLambda {@code function} symbol names, or null. */
    static TfOperation ofSymbol(String symbol) {
        for (TfOperation o : values()) {
            if (o.symbols.contains(symbol)) {
                return o;
            }
        }
        return null;
    }
}
