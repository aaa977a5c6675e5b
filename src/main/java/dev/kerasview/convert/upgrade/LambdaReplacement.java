package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces, in a config in Keras 3's form, each Lambda whose stored bytecode {@link LambdaTranslation} maps to
 * built-in layers by those layers. The last layer keeps the Lambda's name, so every reference to it still
 * holds; the layers before it get {@code <name>_<step>}. A Sequential that needs a two-input layer becomes
 * the equivalent Functional, its layers in the same order.
 */
public final class LambdaReplacement {

    private final List<String> notes;
    private final Set<String> names = new HashSet<>();

    private LambdaReplacement(List<String> notes) {
        this.notes = notes;
    }

    /**
     * Rewrites {@code root} (a model envelope) in place.
     *
     * @param notes receives one sentence per replaced Lambda
     */
    public static void apply(JsonNode root, List<String> notes) throws UpgradeRefusedException {
        if (root instanceof ObjectNode model) {
            LambdaReplacement run = new LambdaReplacement(notes);
            run.collectNames(model);
            run.model(model);
        }
    }

    private void collectNames(JsonNode node) {
        if (node.isObject() && node.has("class_name") && node.path("config").has("name")) {
            names.add(node.path("config").path("name").asText());
        }
        node.forEach(this::collectNames);
    }

    private void model(ObjectNode envelope) throws UpgradeRefusedException {
        String cls = Json.text(envelope.get("class_name"));
        JsonNode layers = envelope.path("config").path("layers");
        if (!layers.isArray()) {
            return;
        }
        for (JsonNode entry : layers) {
            if (entry instanceof ObjectNode o && entry.path("config").path("layers").isArray()) {
                model(o);
            } else if (entry.path("config").has("layer")) {
                wrapped(entry.path("config").path("layer"), entry);
            }
        }
        if ("Sequential".equals(cls)) {
            sequential(envelope);
        } else if ("Functional".equals(cls) || "Model".equals(cls)) {
            functional((ArrayNode) layers, envelope);
        }
    }

    /** A Lambda inside a wrapper cannot take a chain's place. */
    private void wrapped(JsonNode inner, JsonNode wrapper) throws UpgradeRefusedException {
        if ("Lambda".equals(Json.text(inner.get("class_name")))
                && StoredLambda.of(inner.path("config")).isPresent()) {
            String name = inner.path("config").path("name").asText("(unnamed)");
            throw LambdaTranslation.refuse(name, " inside the wrapper " + Json.text(wrapper.get("class_name"))
                    + ", where kerasview does not replace it");
        }
    }

    private Optional<LambdaPlan> planOf(JsonNode entry) throws UpgradeRefusedException {
        if (!"Lambda".equals(Json.text(entry.get("class_name")))) {
            return Optional.empty();
        }
        JsonNode config = entry.path("config");
        String name = config.path("name").asText("(unnamed)");
        Optional<LambdaPlan> plan = LambdaTranslation.plan(name, config);
        if (plan.isPresent()) {
            String dtype = dtypeName(config.get("dtype"));
            if (dtype != null && !"float32".equals(dtype)) {
                throw LambdaTranslation.refuse(name, "; it computes " + plan.get().computes() + " under the dtype"
                        + " policy " + dtype + ", where kerasview does not replace it");
            }
        }
        return plan;
    }

    private void sequential(ObjectNode envelope) throws UpgradeRefusedException {
        ObjectNode config = (ObjectNode) envelope.get("config");
        ArrayNode layers = (ArrayNode) config.get("layers");
        boolean graph = false;
        for (JsonNode entry : layers) {
            Optional<LambdaPlan> plan = planOf(entry);
            if (plan.isPresent() && !(plan.get() instanceof LambdaPlan.Chain c && !c.needsGraph())) {
                graph = true;
            }
        }
        if (graph) {
            toFunctional(envelope);
            functional((ArrayNode) envelope.path("config").get("layers"), envelope);
            return;
        }
        ArrayNode out = Json.array();
        JsonNode previous = null;
        for (JsonNode entry : layers) {
            Optional<LambdaPlan> plan = planOf(entry);
            if (plan.isEmpty()) {
                out.add(entry);
            } else {
                checkInput(entry, previous, null);
                List<ObjectNode> chain = chainLayers(entry, (LambdaPlan.Chain) plan.get());
                chain.forEach(out::add);
            }
            previous = entry;
        }
        config.set("layers", out);
    }

    /**
     * A Sequential as the Functional Keras builds from it: the same layers in the same order, each called on
     * the one before. Keras 3 walks both for weights the same way ({@code layers/<class>[_n]}).
     */
    private void toFunctional(ObjectNode envelope) throws UpgradeRefusedException {
        ObjectNode config = (ObjectNode) envelope.get("config");
        ArrayNode layers = (ArrayNode) config.get("layers");
        String modelName = config.path("name").asText("sequential");
        if (layers.isEmpty() || !"InputLayer".equals(Json.text(layers.get(0).get("class_name")))) {
            throw LambdaTranslation.refuse(modelName, "; replacing its Lambda needs a two-input layer, which"
                    + " only a Functional model can wire, and the Sequential '" + modelName + "' records no input"
                    + " layer to build one from");
        }
        ArrayNode out = Json.array();
        String previous = null;
        for (JsonNode entry : layers) {
            ObjectNode layer = entry.deepCopy();
            String name = layer.path("config").path("name").asText();
            layer.put("name", name);
            ArrayNode nodes = Json.array();
            if (previous != null) {
                nodes.add(legacyNode(List.of(previous)));
            }
            layer.set("inbound_nodes", nodes);
            out.add(layer);
            previous = name;
        }
        ObjectNode c = Json.object();
        c.set("name", config.get("name"));
        c.set("trainable", config.has("trainable") ? config.get("trainable") : Json.F.booleanNode(true));
        c.set("layers", out);
        c.set("input_layers", triple(layers.get(0).path("config").path("name").asText()));
        c.set("output_layers", triple(previous));
        envelope.put("module", "keras.src.models.functional");
        envelope.put("class_name", "Functional");
        envelope.set("config", c);
        envelope.put("registered_name", "Functional");
        ObjectNode build = Json.object();
        build.putNull("input_shape");
        envelope.set("build_config", build);
        notes.add("Sequential '" + modelName + "' became the equivalent Functional model (same layers, same order),"
                + " because a replaced Lambda needs a two-input Multiply.");
    }

    private void functional(ArrayNode layers, ObjectNode envelope) throws UpgradeRefusedException {
        ArrayNode out = Json.array();
        for (JsonNode entry : layers) {
            Optional<LambdaPlan> plan = planOf(entry);
            if (plan.isEmpty()) {
                out.add(entry);
                continue;
            }
            JsonNode nodes = entry.get("inbound_nodes");
            String name = entry.path("config").path("name").asText();
            if (nodes == null || !nodes.isArray() || nodes.size() != 1) {
                throw LambdaTranslation.refuse(name, "; it computes " + plan.get().computes() + " and is called "
                        + (nodes == null ? 0 : nodes.size()) + " times, where kerasview replaces a Lambda called once");
            }
            List<JsonNode> inputs = inputs(nodes.get(0));
            if (plan.get() instanceof LambdaPlan.Merge merge) {
                out.add(mergeLayer(entry, merge, inputs, layers));
            } else {
                if (inputs.size() != 1) {
                    throw LambdaTranslation.refuse(name, "; it computes " + plan.get().computes() + " on "
                            + inputs.size() + " inputs, where kerasview replaces it for one");
                }
                checkInput(entry, producer(inputs.get(0), layers), inputs.get(0));
                chainLayers(entry, (LambdaPlan.Chain) plan.get()).forEach(out::add);
            }
        }
        ((ObjectNode) envelope.get("config")).set("layers", out);
    }

    /** The input tensors of one inbound node, in either form: Keras 2 triples or Keras 3 keras tensors. */
    private static List<JsonNode> inputs(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            JsonNode args = node.path("args");
            JsonNode first = args.isArray() && args.size() == 1 ? args.get(0) : null;
            if (first != null && first.isArray()) {
                first.forEach(out::add);
            } else if (first != null) {
                out.add(first);
            }
        }
        return out;
    }

    /** The layer name a tensor reference comes from. */
    private static String source(JsonNode tensor) {
        JsonNode history = tensor.isArray() ? tensor : tensor.path("config").path("keras_history");
        return history.path(0).asText();
    }

    private static JsonNode producer(JsonNode tensor, ArrayNode layers) {
        String name = source(tensor);
        for (JsonNode l : layers) {
            if (name.equals(l.path("config").path("name").asText()) || name.equals(l.path("name").asText())) {
                return l;
            }
        }
        return null;
    }

    /**
     * A Lambda does not cast its input; Rescaling casts it to float32. They agree when the input is float32,
     * which every float32 layer's output is; an input layer of another dtype is refused.
     */
    private void checkInput(JsonNode lambda, JsonNode producer, JsonNode tensor) throws UpgradeRefusedException {
        String dtype = tensor != null && tensor.isObject() ? tensor.path("config").path("dtype").asText(null) : null;
        if (dtype == null && producer != null && "InputLayer".equals(Json.text(producer.get("class_name")))) {
            dtype = dtypeName(producer.path("config").get("dtype"));
        }
        if (dtype != null && !"float32".equals(dtype)) {
            String name = lambda.path("config").path("name").asText();
            throw LambdaTranslation.refuse(name, "; it computes " + planText(lambda) + " on a " + dtype
                    + " input, which Rescaling would first cast to float32");
        }
    }

    private static String planText(JsonNode lambda) {
        try {
            return LambdaTranslation.plan("", lambda.path("config")).map(LambdaPlan::computes).orElse("?");
        } catch (UpgradeRefusedException e) {
            return "?";
        }
    }

    private static String dtypeName(JsonNode dtype) {
        if (dtype == null || dtype.isNull()) {
            return null;
        }
        return dtype.isTextual() ? dtype.asText() : dtype.path("config").path("name").asText(null);
    }

    /** The layers of a chain, wired like the Lambda (Functional entries) or bare (Sequential entries). */
    private List<ObjectNode> chainLayers(JsonNode lambda, LambdaPlan.Chain plan) {
        ObjectNode config = (ObjectNode) lambda.get("config");
        String name = config.path("name").asText();
        boolean functional = lambda.has("inbound_nodes");
        List<ObjectNode> out = new ArrayList<>();
        JsonNode input = functional ? inputs(lambda.get("inbound_nodes").get(0)).get(0) : null;
        List<String> described = new ArrayList<>();
        boolean power = false;
        for (int i = 0; i < plan.steps().size(); i++) {
            LambdaPlan.Step step = plan.steps().get(i);
            boolean last = i == plan.steps().size() - 1;
            String layerName = last ? name : freshName(name + "_" + (i + 1));
            ObjectNode c = Json.object();
            c.put("name", layerName);
            c.set("trainable", config.has("trainable") ? config.get("trainable") : Json.F.booleanNode(true));
            c.set("dtype", config.has("dtype") ? config.get("dtype") : Json.dtypePolicy("float32"));
            String cls;
            if (step instanceof LambdaPlan.Scale s) {
                cls = "Rescaling";
                c.put("scale", s.scale());
                c.put("offset", s.offset());
                described.add("Rescaling(scale=" + s.scale() + ", offset=" + s.offset() + ")");
            } else {
                cls = "Multiply";
                described.add("Multiply()([y, y])");
                power |= ((LambdaPlan.Square) step).fromPower();
            }
            ObjectNode layer = Json.envelope("keras.layers", cls, c, null);
            buildConfig(lambda, step instanceof LambdaPlan.Square).ifPresent(b -> layer.set("build_config", b));
            if (functional) {
                layer.put("name", layerName);
                ArrayNode nodes = Json.array();
                List<JsonNode> args = step instanceof LambdaPlan.Square ? List.of(input, input) : List.of(input);
                nodes.add(lambda.get("inbound_nodes").get(0).isArray() ? legacyTensors(args) : keras3Node(args));
                layer.set("inbound_nodes", nodes);
                input = reference(input, layerName);
            }
            out.add(layer);
        }
        notes.add("Lambda '" + name + "' computes " + plan.computes() + "; it became " + String.join(" then ",
                described) + ", which compute the same float32 operations in the same order"
                + (power ? " (NumPy, JAX and torch compute y ** 2 as y * y; TensorFlow's CPU pow, glibc's powf,"
                + " rounds about 1 float32 in 2,800 differently in the last bit)." : "."));
        return out;
    }

    /**
     * The Lambda's build_config for a layer of its chain: the same input shape, or for the Multiply of a
     * square the list of two such shapes that Keras builds a merge layer with.
     */
    private static Optional<JsonNode> buildConfig(JsonNode lambda, boolean twoInputs) {
        JsonNode build = lambda.get("build_config");
        if (build == null || !build.isObject()) {
            return Optional.empty();
        }
        ObjectNode out = build.deepCopy();
        JsonNode shape = build.get("input_shape");
        if (twoInputs && shape != null && !shape.isNull()) {
            ArrayNode shapes = Json.array();
            shapes.add(shape.deepCopy());
            shapes.add(shape.deepCopy());
            out.set("input_shape", shapes);
        }
        return Optional.of(out);
    }

    private ObjectNode mergeLayer(JsonNode lambda, LambdaPlan.Merge plan, List<JsonNode> inputs, ArrayNode layers)
            throws UpgradeRefusedException {
        ObjectNode config = (ObjectNode) lambda.get("config");
        String name = config.path("name").asText();
        if (inputs.size() != 2) {
            throw LambdaTranslation.refuse(name, "; it computes " + plan.computes() + " on " + inputs.size()
                    + " inputs, where " + plan.className() + " needs exactly two");
        }
        List<Integer> ranks = new ArrayList<>();
        for (JsonNode t : inputs) {
            JsonNode shape = t.isObject() ? t.path("config").path("shape") : null;
            ranks.add(shape != null && shape.isArray() ? shape.size() : -1);
            checkInput(lambda, producer(t, layers), t);
        }
        if (ranks.contains(-1) || !ranks.get(0).equals(ranks.get(1))) {
            throw LambdaTranslation.refuse(name, "; it computes " + plan.computes() + ", which " + plan.className()
                    + " computes alike only for inputs of one rank, and the config "
                    + (ranks.contains(-1) ? "records no shapes" : "records ranks " + ranks));
        }
        ObjectNode c = Json.object();
        c.put("name", name);
        c.set("trainable", config.has("trainable") ? config.get("trainable") : Json.F.booleanNode(true));
        c.set("dtype", config.has("dtype") ? config.get("dtype") : Json.dtypePolicy("float32"));
        ObjectNode layer = Json.envelope("keras.layers", plan.className(), c, null);
        if (lambda.has("build_config")) {
            layer.set("build_config", lambda.get("build_config").deepCopy());
        }
        layer.put("name", name);
        layer.set("inbound_nodes", lambda.get("inbound_nodes").deepCopy());
        notes.add("Lambda '" + name + "' computes " + plan.computes() + "; it became " + plan.className()
                + ", which computes the same float32 operation.");
        return layer;
    }

    private String freshName(String wanted) {
        String name = wanted;
        for (int k = 1; names.contains(name); k++) {
            name = wanted + "_" + k;
        }
        names.add(name);
        return name;
    }

    /** A reference to node 0, tensor 0 of {@code layer}, in the form of {@code like}. */
    private static JsonNode reference(JsonNode like, String layer) {
        if (like.isArray()) {
            ArrayNode t = Json.array();
            t.add(layer).add(0).add(0).add(like.size() > 3 ? like.get(3) : Json.object());
            return t;
        }
        ObjectNode t = like.deepCopy();
        ArrayNode history = Json.array();
        history.add(layer).add(0).add(0);
        ((ObjectNode) t.get("config")).set("keras_history", history);
        return t;
    }

    private static ArrayNode legacyNode(List<String> sources) {
        List<JsonNode> tensors = new ArrayList<>();
        for (String s : sources) {
            ArrayNode t = Json.array();
            t.add(s).add(0).add(0).add(Json.object());
            tensors.add(t);
        }
        return legacyTensors(tensors);
    }

    private static ArrayNode legacyTensors(List<JsonNode> tensors) {
        ArrayNode node = Json.array();
        tensors.forEach(t -> node.add(t.deepCopy()));
        return node;
    }

    private static ObjectNode keras3Node(List<JsonNode> tensors) {
        ObjectNode node = Json.object();
        ArrayNode args = Json.array();
        if (tensors.size() == 1) {
            args.add(tensors.get(0).deepCopy());
        } else {
            ArrayNode list = Json.array();
            tensors.forEach(t -> list.add(t.deepCopy()));
            args.add(list);
        }
        node.set("args", args);
        node.set("kwargs", Json.object());
        return node;
    }

    private static ArrayNode triple(String layer) {
        ArrayNode t = Json.array();
        t.add(layer).add(0).add(0);
        return t;
    }
}
