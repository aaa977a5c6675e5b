package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.config.KerasJson;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Initializers, regularizers, constraints, activations and dtype policies inside a layer config, turned
 * from their Keras 1 (strings, {@code {"name": ...}} dicts) and Keras 2 ({@code {"class_name","config"}})
 * forms into the Keras 3 envelopes that {@code to_json()} writes, with Keras 3's defaults filled in.
 */
final class NestedObjects {

    private static final String INITIALIZERS = "keras.initializers";
    private static final String REGULARIZERS = "keras.regularizers";
    private static final String CONSTRAINTS = "keras.constraints";

    private static final String SEED_AXES = "{\"seed\": null, \"input_axes\": null, \"output_axes\": null}";

    /** Keras 3.15.1's {@code get_config()} of each class built with default arguments (generated with the oracle). */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("Constant", "{\"value\": 0.0}"),
            Map.entry("GlorotNormal", SEED_AXES),
            Map.entry("GlorotUniform", SEED_AXES),
            Map.entry("HeNormal", SEED_AXES),
            Map.entry("HeUniform", SEED_AXES),
            Map.entry("LecunNormal", SEED_AXES),
            Map.entry("LecunUniform", SEED_AXES),
            Map.entry("Identity", "{}"),
            Map.entry("Ones", "{}"),
            Map.entry("Zeros", "{}"),
            Map.entry("Orthogonal", "{\"seed\": null, \"gain\": 1.0}"),
            Map.entry("RandomNormal", "{\"seed\": null, \"mean\": 0.0, \"stddev\": 0.05}"),
            Map.entry("RandomUniform", "{\"seed\": null, \"minval\": -0.05, \"maxval\": 0.05}"),
            Map.entry("TruncatedNormal", "{\"seed\": null, \"mean\": 0.0, \"stddev\": 0.05}"),
            Map.entry("VarianceScaling", "{\"seed\": null, \"scale\": 1.0, \"mode\": \"fan_in\","
                    + " \"distribution\": \"truncated_normal\", \"input_axes\": null, \"output_axes\": null}"),
            Map.entry("L1", "{\"l1\": 0.01}"),
            Map.entry("L2", "{\"l2\": 0.01}"),
            Map.entry("L1L2", "{\"l1\": 0.0, \"l2\": 0.0}"),
            Map.entry("OrthogonalRegularizer", "{\"factor\": 0.01, \"mode\": \"rows\"}"),
            Map.entry("MaxNorm", "{\"max_value\": 2, \"axis\": 0}"),
            Map.entry("MinMaxNorm", "{\"min_value\": 0.0, \"max_value\": 1.0, \"rate\": 1.0, \"axis\": 0}"),
            Map.entry("NonNeg", "{}"),
            Map.entry("UnitNorm", "{\"axis\": 0}"));

    private static final Set<String> INITIALIZER_CLASSES = Set.of("Constant", "GlorotNormal", "GlorotUniform",
            "HeNormal", "HeUniform", "LecunNormal", "LecunUniform", "Identity", "Ones", "Zeros", "Orthogonal",
            "RandomNormal", "RandomUniform", "TruncatedNormal", "VarianceScaling");
    private static final Set<String> REGULARIZER_CLASSES = Set.of("L1", "L2", "L1L2", "OrthogonalRegularizer");
    private static final Set<String> CONSTRAINT_CLASSES = Set.of("MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm");

    /** Keras 1/2/3 string names of initializers, as Keras 3 resolves them. */
    private static final Map<String, String> INITIALIZER_ALIASES = Map.ofEntries(
            Map.entry("constant", "Constant"), Map.entry("glorot_normal", "GlorotNormal"),
            Map.entry("glorot_uniform", "GlorotUniform"), Map.entry("he_normal", "HeNormal"),
            Map.entry("he_uniform", "HeUniform"), Map.entry("identity", "Identity"),
            Map.entry("lecun_normal", "LecunNormal"), Map.entry("lecun_uniform", "LecunUniform"),
            Map.entry("normal", "RandomNormal"), Map.entry("random_normal", "RandomNormal"),
            Map.entry("one", "Ones"), Map.entry("ones", "Ones"), Map.entry("zero", "Zeros"),
            Map.entry("zeros", "Zeros"), Map.entry("orthogonal", "Orthogonal"), Map.entry("uniform", "RandomUniform"),
            Map.entry("random_uniform", "RandomUniform"), Map.entry("truncated_normal", "TruncatedNormal"),
            Map.entry("variance_scaling", "VarianceScaling"));

    /** Keras 2 (and tf.keras) class names of initializers that Keras 3 spells differently. */
    private static final Map<String, String> RENAMED = Map.of(
            "RandomNormalV2", "RandomNormal", "RandomUniformV2", "RandomUniform",
            "TruncatedNormalV2", "TruncatedNormal", "GlorotUniformV2", "GlorotUniform",
            "GlorotNormalV2", "GlorotNormal", "ZerosV2", "Zeros", "OnesV2", "Ones",
            "L1L2Regularizer", "L1L2", "max_norm", "MaxNorm");

    /** The activations Keras 3.15.1 resolves by name. */
    private static final Set<String> ACTIVATIONS = Set.of("celu", "elu", "exponential", "gelu", "glu",
            "hard_shrink", "hard_sigmoid", "hard_silu", "hard_swish", "hard_tanh", "leaky_relu", "linear",
            "log_sigmoid", "log_softmax", "mish", "relu", "relu6", "selu", "sigmoid", "silu", "soft_shrink",
            "softmax", "softplus", "softsign", "sparse_plus", "sparse_sigmoid", "sparsemax", "squareplus", "swish",
            "tanh", "tanh_shrink", "threshold");

    /**
     * Classes whose Keras 3 get_config() always writes activity_regularizer; the others write it only when set
     * (keras/src/layers/layer.py), so a null one is dropped to match to_json().
     */
    private static final Set<String> WRITES_ACTIVITY_REGULARIZER = Set.of("MultiHeadAttention",
            "GroupedQueryAttention", "EinsumDense", "Embedding", "GRU", "LSTM", "SimpleRNN", "ActivityRegularization");

    private NestedObjects() {
    }

    private static boolean writesActivityRegularizer(String className) {
        return WRITES_ACTIVITY_REGULARIZER.contains(className) || className.startsWith("Conv")
                || className.startsWith("DepthwiseConv") || className.startsWith("SeparableConv");
    }

    /** Rewrites every nested object of one layer config in place. */
    static void upgrade(ObjectNode config, String className, String layerName, UpgradeRun run)
            throws UpgradeRefusedException {
        if (config.has("activity_regularizer") && config.get("activity_regularizer").isNull()
                && !writesActivityRegularizer(className)) {
            config.remove("activity_regularizer");
        }
        for (String key : Json.keys(config)) {
            JsonNode value = config.get(key);
            if (key.endsWith("_initializer")) {
                config.set(key, object(value, INITIALIZERS, key, layerName, run));
            } else if (key.endsWith("_regularizer")) {
                config.set(key, object(value, REGULARIZERS, key, layerName, run));
            } else if (key.endsWith("_constraint")) {
                config.set(key, object(value, CONSTRAINTS, key, layerName, run));
            } else if (key.equals("activation") || key.equals("recurrent_activation")) {
                config.set(key, activation(value, key, className, layerName, run));
            } else if (key.equals("dtype") && !"InputLayer".equals(className)) {
                config.set(key, dtype(value, layerName, run));
            }
        }
    }

    /** The activation as Keras 3 computes it the same way: unchanged, or Keras 1/2's hard_sigmoid spelled out. */
    private static JsonNode activation(JsonNode value, String key, String className, String layerName,
                                       UpgradeRun run) throws UpgradeRefusedException {
        String name = Json.text(value);
        if (name == null) {
            if (value != null && value.isObject()) {
                customName(value, run);
            }
            return value;
        }
        if (run.preKeras3() && name.equals("hard_sigmoid")) {
            run.note(className + " '" + layerName + "': " + key + " 'hard_sigmoid' of Keras 1/2, clip(0.2*x + 0.5,"
                    + " 0, 1), is written as a Sequential of Rescaling(0.2, offset 0.5) and ReLU(max_value 1):"
                    + " Keras 3's own hard_sigmoid is clip(x/6 + 0.5, 0, 1).");
            return LegacyHardSigmoid.activation();
        }
        if (!ACTIVATIONS.contains(name)) {
            run.customNames.add(name);
        }
        return value;
    }

    /** A dtype as Keras 3 writes it in layer configs: a DTypePolicy envelope. */
    static JsonNode dtype(JsonNode value, String layerName, UpgradeRun run) throws UpgradeRefusedException {
        if (Json.absent(value)) {
            return Json.dtypePolicy("float32");
        }
        if (value.isTextual()) {
            return Json.dtypePolicy(value.textValue());
        }
        if (value.isObject() && value.has("module")) {
            return value;
        }
        String cls = Json.text(value.get("class_name"));
        JsonNode name = value.path("config").get("name");
        if (("Policy".equals(cls) || "DTypePolicy".equals(cls)) && name != null && name.isTextual()) {
            if (!"DTypePolicy".equals(cls)) {
                run.note("Layer '" + layerName + "': mixed-precision Policy '" + name.textValue()
                        + "' became Keras 3's DTypePolicy.");
            }
            return Json.dtypePolicy(name.textValue());
        }
        throw new UpgradeRefusedException(Reason.INEXACT, List.of(layerName),
                "Layer '" + layerName + "' has a dtype policy of class " + cls + " that has no exact Keras 3 form;"
                        + " set the layer's dtype to a plain name such as 'float32' in the source model and save again.");
    }

    /** One initializer, regularizer or constraint in its Keras 3 envelope (null stays null). */
    private static JsonNode object(JsonNode value, String module, String key, String layerName, UpgradeRun run)
            throws UpgradeRefusedException {
        if (Json.absent(value)) {
            return Json.F.nullNode();
        }
        if (value.isObject() && value.has("module")) {
            customName(value, run);
            return value;
        }
        String cls;
        ObjectNode given;
        if (value.isTextual()) {
            cls = module.equals(INITIALIZERS) ? INITIALIZER_ALIASES.get(value.textValue()) : null;
            if (cls == null) {
                throw inexact(layerName, key, value.textValue());
            }
            given = Json.object();
        } else if (value.isObject() && value.has("class_name")) {
            cls = Json.text(value.get("class_name"));
            given = value.get("config") instanceof ObjectNode o ? o.deepCopy() : Json.object();
        } else if (value.isObject() && value.has("name")) {
            // Keras 1 regularizers and constraints: {"name": "WeightRegularizer", "l1": .., "l2": ..}
            return keras1Object((ObjectNode) value, module, key, layerName, run);
        } else {
            throw inexact(layerName, key, value.toString());
        }
        cls = RENAMED.getOrDefault(cls, cls);
        if (!known(module).contains(cls)) {
            // a class Keras 3 does not have under this module: the person's own, kept as written
            run.customNames.add(cls);
            return Json.envelope(null, cls.contains(">") ? cls.substring(cls.indexOf('>') + 1) : cls, given, cls);
        }
        given.remove("dtype"); // tf.keras 1.x initializers recorded a dtype; Keras 3 takes it at call time
        if ("VarianceScaling".equals(cls) && "normal".equals(Json.text(given.get("distribution")))) {
            // Keras 2's "normal" was already the truncated normal; Keras 3 writes its real name
            given.put("distribution", "truncated_normal");
        }
        ObjectNode config = defaults(cls);
        Iterator<Map.Entry<String, JsonNode>> it = given.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!config.has(e.getKey())) {
                throw new UpgradeRefusedException(Reason.INEXACT, List.of(layerName),
                        "Layer '" + layerName + "': the " + cls + " in " + key + " has the argument '" + e.getKey()
                                + "', which Keras 3's " + cls + " does not take. Remove it in the source model and"
                                + " save again.");
            }
            config.set(e.getKey(), e.getValue());
        }
        return Json.envelope(module, cls, config, null);
    }

    private static JsonNode keras1Object(ObjectNode value, String module, String key, String layerName,
                                         UpgradeRun run) throws UpgradeRefusedException {
        String name = Json.text(value.get("name"));
        ObjectNode config;
        String cls;
        if (REGULARIZERS.equals(module) && ("WeightRegularizer".equals(name) || "ActivityRegularizer".equals(name))) {
            cls = "L1L2";
            config = defaults(cls);
            config.set("l1", value.path("l1").isMissingNode() ? Json.F.numberNode(0.0) : value.get("l1"));
            config.set("l2", value.path("l2").isMissingNode() ? Json.F.numberNode(0.0) : value.get("l2"));
        } else if (CONSTRAINTS.equals(module) && "MaxNorm".equals(name)) {
            cls = "MaxNorm";
            config = defaults(cls);
            if (value.has("m")) {
                config.set("max_value", value.get("m"));
            }
            if (value.has("axis")) {
                config.set("axis", value.get("axis"));
            }
        } else if (CONSTRAINTS.equals(module) && ("NonNeg".equals(name) || "UnitNorm".equals(name))) {
            cls = name;
            config = defaults(cls);
            if (value.has("axis") && config.has("axis")) {
                config.set("axis", value.get("axis"));
            }
        } else {
            throw inexact(layerName, key, value.toString());
        }
        run.note("Layer '" + layerName + "': Keras 1 " + name + " in " + key + " became " + cls + ".");
        return Json.envelope(module, cls, config, null);
    }

    private static void customName(JsonNode envelope, UpgradeRun run) {
        String registered = Json.text(envelope.get("registered_name"));
        String module = Json.text(envelope.get("module"));
        if (registered != null && (module == null || !module.startsWith("keras"))) {
            run.customNames.add(registered);
        }
    }

    private static Set<String> known(String module) {
        return switch (module) {
            case INITIALIZERS -> INITIALIZER_CLASSES;
            case REGULARIZERS -> REGULARIZER_CLASSES;
            default -> CONSTRAINT_CLASSES;
        };
    }

    private static ObjectNode defaults(String cls) {
        try {
            return (ObjectNode) KerasJson.parse(DEFAULTS.get(cls));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the defaults table is valid JSON", e);
        }
    }

    private static UpgradeRefusedException inexact(String layerName, String key, String value) {
        return new UpgradeRefusedException(Reason.INEXACT, List.of(layerName),
                "Layer '" + layerName + "': " + key + " = " + value + " has no Keras 3 equivalent that kerasview"
                        + " knows to be exact. Replace it in the source model with a Keras 3 built-in and save again.");
    }
}
