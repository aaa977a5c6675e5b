package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the call a tf.keras op layer recorded. A {@code TensorFlowOpLayer} (tf.keras 2.0-2.3) holds a
 * {@code node_def} whose {@code input} list names the op's inputs in order, with the constant ones given in
 * {@code constants} by index and the rest, in order, in its inbound node. A {@code TFOpLambda} (tf.keras 2.4+,
 * {@code tf_keras/layers/core/tf_op_layer.py}) keeps its first argument as the inbound node itself (a tensor
 * triple, or a list of them) and every other argument by parameter name in that node's kwargs
 * ({@code tf_keras/engine/node.py}, {@code Node.serialize}); a constant first argument is written as
 * {@code ["_CONSTANT_VALUE", -1, value, kwargs]}.
 */
final class TfOpCalls {

    static final String GRAPH_LAYER = "TensorFlowOpLayer";
    static final String LAMBDA_LAYER = "TFOpLambda";
    private static final String CONSTANT = "_CONSTANT_VALUE";
    /** tf.compat.v1 spellings of parameters that TF 2 renamed. */
    private static final Map<String, String> V1_PARAMETERS = Map.of("dim", "axis", "squeeze_dims", "axis");

    private TfOpCalls() {
    }

    /** The call a TensorFlowOpLayer or TFOpLambda entry records; refuses operations it cannot read. */
    static TfOpCall read(String className, String layerName, JsonNode entry) throws UpgradeRefusedException {
        JsonNode config = entry.path("config");
        JsonNode nodes = entry.path("inbound_nodes");
        if (!nodes.isArray() || nodes.size() != 1) {
            throw refusal(className, layerName, className.equals(GRAPH_LAYER)
                    ? config.path("node_def").path("op").asText("?") : config.path("function").asText("?"),
                    "it is called " + nodes.size() + " times, and kerasview translates only op layers called once");
        }
        return className.equals(GRAPH_LAYER) ? graph(layerName, config, nodes.get(0))
                : lambda(layerName, config, nodes.get(0));
    }

    private static TfOpCall graph(String layerName, JsonNode config, JsonNode node) throws UpgradeRefusedException {
        JsonNode def = config.path("node_def");
        String op = def.path("op").asText("?");
        TfOperation operation = TfOperation.ofGraphOp(op);
        if (operation == null) {
            throw unknown(GRAPH_LAYER, layerName, op);
        }
        List<TfOpCall.Arg> tensors = new ArrayList<>();
        for (JsonNode item : node) {
            tensors.add(tensor(item, GRAPH_LAYER, layerName, op));
        }
        JsonNode constants = config.path("constants");
        List<TfOpCall.Arg> args = new ArrayList<>();
        Iterator<TfOpCall.Arg> next = tensors.iterator();
        for (int i = 0; i < def.path("input").size(); i++) {
            String input = def.path("input").get(i).asText("");
            if (input.startsWith("^")) {
                throw refusal(GRAPH_LAYER, layerName, op, "its node has a control dependency (" + input
                        + "), which no Keras layer expresses");
            }
            if (constants.has(String.valueOf(i))) {
                args.add(new TfOpCall.Constant(constants.get(String.valueOf(i))));
            } else if (next.hasNext()) {
                args.add(next.next());
            } else {
                throw refusal(GRAPH_LAYER, layerName, op, "its node_def names more tensor inputs than its inbound"
                        + " node passes; the config is damaged");
            }
        }
        if (next.hasNext()) {
            throw refusal(GRAPH_LAYER, layerName, op, "its inbound node passes more tensors than its node_def uses");
        }
        if (operation == TfOperation.CONCAT && !args.isEmpty()) {
            // ConcatV2(values..., axis)
            args = List.of(new TfOpCall.ArgList(args.subList(0, args.size() - 1)), args.get(args.size() - 1));
        }
        if (operation == TfOperation.SQUEEZE) {
            args = List.of(args.isEmpty() ? new TfOpCall.Constant(null) : args.get(0),
                    new TfOpCall.Constant(def.path("attr").path("squeeze_dims").path("list").path("i")));
        }
        JsonNode type = def.path("attr").path("T").path("type");
        boolean floatType = type.isMissingNode() || "DT_FLOAT".equals(type.asText());
        return new TfOpCall(GRAPH_LAYER, layerName, op, operation, args, floatType, def.path("attr"));
    }

    private static TfOpCall lambda(String layerName, JsonNode config, JsonNode node) throws UpgradeRefusedException {
        String symbol = config.path("function").asText("?");
        TfOperation operation = TfOperation.ofSymbol(symbol);
        if (operation == null) {
            throw unknown(LAMBDA_LAYER, layerName, symbol);
        }
        if (!node.isArray() || node.isEmpty()) {
            throw refusal(LAMBDA_LAYER, layerName, symbol, "its inbound node " + node + " is not a call");
        }
        boolean single = node.get(0).isTextual();
        List<TfOpCall.Arg> args = new ArrayList<>();
        JsonNode kwargs;
        if (single) {
            args.add(item(node, symbol, layerName));
            kwargs = node.get(3);
        } else {
            List<TfOpCall.Arg> items = new ArrayList<>();
            for (JsonNode i : node) {
                items.add(item(i, symbol, layerName));
            }
            args.add(new TfOpCall.ArgList(items));
            kwargs = node.get(0).get(3);
        }
        List<String> parameters = operation.parameters();
        for (int p = 1; p < parameters.size(); p++) {
            args.add(null);
        }
        if (kwargs != null && kwargs.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = kwargs.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = V1_PARAMETERS.getOrDefault(e.getKey(), e.getKey());
                if (key.equals("name") || e.getValue().isNull()) {
                    continue; // TFOpLambda drops the op's name; a null is the parameter's default
                }
                int index = parameters.indexOf(key);
                if (index < 1 || args.get(index) != null) {
                    throw refusal(LAMBDA_LAYER, layerName, symbol, "it is called with the argument '" + e.getKey()
                            + "', which kerasview does not translate");
                }
                args.set(index, isTensorRef(e.getValue()) ? tensor(e.getValue(), LAMBDA_LAYER, layerName, symbol)
                        : new TfOpCall.Constant(e.getValue()));
            }
        }
        return new TfOpCall(LAMBDA_LAYER, layerName, symbol, operation, args, true, Json.object());
    }

    private static TfOpCall.Arg item(JsonNode item, String symbol, String layerName) throws UpgradeRefusedException {
        if (item.isArray() && item.size() >= 3 && CONSTANT.equals(item.get(0).asText())) {
            return new TfOpCall.Constant(item.get(2));
        }
        return tensor(item, LAMBDA_LAYER, layerName, symbol);
    }

    private static TfOpCall.Tensor tensor(JsonNode ref, String className, String layerName, String op)
            throws UpgradeRefusedException {
        if (!isTensorRef(ref)) {
            throw refusal(className, layerName, op, "its input " + ref + " is not a [layer, node, tensor] reference");
        }
        return new TfOpCall.Tensor(ref.get(0).asText(), ref.get(1).asInt(), ref.get(2).asInt());
    }

    private static boolean isTensorRef(JsonNode v) {
        return v != null && v.isArray() && v.size() >= 3 && v.get(0).isTextual() && v.get(1).isIntegralNumber()
                && v.get(2).isIntegralNumber() && (v.size() == 3 || v.get(3).isObject());
    }

    private static UpgradeRefusedException unknown(String className, String layerName, String op) {
        return refusal(className, layerName, op, "kerasview translates only the element-wise arithmetic, reshaping,"
                + " concatenation, activation and constant-filter convolution operations into Keras 3 layers, where"
                + " the translation computes exactly what TensorFlow computed");
    }

    /** The refusal of one op layer: which layer, which TensorFlow operation, why, and what to do. */
    static UpgradeRefusedException refusal(String className, String layerName, String op, String why) {
        return new UpgradeRefusedException(Reason.TF_OP_LAYER, List.of(layerName),
                "Layer '" + layerName + "' is a tf.keras " + className + " calling TensorFlow's " + op + ", and "
                        + why + ". Keras 3 has no " + className + " and cannot run TensorFlow operations from a"
                        + " config. Rebuild the model in Keras 3, replacing the TensorFlow call with the matching"
                        + " keras.ops function or layer, and load the weights of the other layers into it.");
    }
}
