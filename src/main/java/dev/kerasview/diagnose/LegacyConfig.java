package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.catalog.LoaderBehaviour;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keras 3.15.1's legacy model deserializer ({@code legacy.saving.saving_utils.model_from_config})
 * applied to a legacy .h5 {@code model_config}: the rewrites it makes to every layer config
 * ({@code batch_input_shape}, single-element {@code axis} lists, while longer {@code axis} lists
 * are dropped, Keras 2 Lambda functions), class lookup by bare class name, string values turned
 * into Keras functions, and keyword arguments Keras 3 layers reject.
 */
final class LegacyConfig {

    /** Functions of the {@code keras.layers} namespace that config strings are turned into. */
    private static final Set<String> LAYER_FUNCTIONS = Set.of("add", "average", "concatenate",
            "dot", "maximum", "minimum", "multiply", "subtract", "serialize", "deserialize",
            "Input");
    private static final Set<String> MODELS = Set.of("Sequential", "Functional", "Model");

    private final LayerCatalog catalog;
    private final LayerArguments arguments;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> droppedAxis = new LinkedHashSet<>();
    private final Set<String> reported = new HashSet<>();

    LegacyConfig(LayerCatalog catalog, LayerArguments arguments) {
        this.catalog = catalog;
        this.arguments = arguments;
    }

    List<Finding> findings() {
        return findings;
    }

    /** Layers whose multi-element axis list the loader dropped. */
    Set<String> droppedAxis() {
        return droppedAxis;
    }

    /**
     * Checks the model config and rewrites a copy of it as the loader does; returns the copy (the
     * config itself when there is nothing to rewrite). The given tree is never changed: it is the
     * reader's, which the layer tree renders its configs from.
     */
    JsonNode apply(JsonNode root) {
        if (!Envelope.is(root)) {
            findings.add(Finding.error(FindingCode.INVALID_CONFIG)
                    .message("The provided configuration is not a valid Keras configuration. "
                            + "Expected a dictionary containing a 'config' key.")
                    .cause("The file's model_config attribute is not a serialized Keras model.")
                    .remedies(Remedies.RESAVE)
                    .build());
            return root;
        }
        if (root.get("config").isArray()) {
            findings.add(Finding.error(FindingCode.LEGACY_SEQUENTIAL_LIST)
                    .className(root.get("class_name").asText())
                    .message("pop expected at most 1 argument, got 2")
                    .cause("The file was written by Keras 2.2 or older, whose Sequential config is "
                            + "a list of layers; Keras 3's legacy loader expects an object and "
                            + "fails on it.")
                    .remedies(Remedies.RESAVE)
                    .build());
            return root;
        }
        // entry() removes and re-puts keys in place: only ever on this copy
        JsonNode copy = root.deepCopy();
        entry(copy);
        return copy;
    }

    private void entry(JsonNode node) {
        if (!Envelope.is(node) || !node.get("config").isObject()) {
            return;
        }
        ObjectNode config = (ObjectNode) node.get("config");
        String cls = node.get("class_name").asText();
        String name = config.hasNonNull("name") ? config.get("name").asText()
                : (node.hasNonNull("name") ? node.get("name").asText() : null);
        JsonNode batch = config.remove("batch_input_shape");
        if (batch != null && !batch.isNull()) {
            config.set(cls.equals("InputLayer") ? "batch_shape" : "input_shape", batch);
        }
        JsonNode axis = config.remove("axis");
        if (axis != null && !axis.isNull()) {
            if (axis.isArray() && axis.size() == 1) {
                config.put("axis", axis.get(0).asInt());
            } else if (axis.isNumber()) {
                config.put("axis", axis.asInt());
            } else if (axis.isArray() && axis.size() > 1) {
                droppedAxis.add(name);
            }
        }
        if (cls.equals("Lambda")) {
            JsonNode fn = config.get("function");
            if (fn != null && (fn.isArray() || (fn.isObject()
                    && "__lambda__".equals(fn.path("class_name").asText())))) {
                findings.add(Finding.error(FindingCode.LAMBDA)
                        .layer(name).className(cls)
                        .message(KerasConfigChecks.LAMBDA_LAYER_MESSAGE)
                        .cause("The file stores a Python lambda as bytecode; Keras refuses to run "
                                + "it in safe mode, and the bytecode only works on the Python "
                                + "version that wrote it.")
                        .remedies(Remedies.SAFE_MODE)
                        .build());
            } else if (fn != null && fn.isObject() && "function".equals(fn.path("class_name").asText())
                    && fn.path("config").isTextual() && !LayerCatalog.isKerasModule(fn.path("module").asText(""))
                    && reported.add("function:" + fn.path("config").asText())) {
                // A named function of the person's code (a registered 'Custom>sampling').
                findings.add(Finding.warning(FindingCode.CUSTOM_OBJECT)
                        .layer(name).className(fn.path("config").asText())
                        .message("The loading code must provide the function '" + fn.path("config").asText()
                                + "' (Keras: Could not locate function '" + fn.path("config").asText()
                                + "' when it is missing).")
                        .cause("The Lambda layer calls a function defined in the person's own code.")
                        .remedies(Remedies.REGISTER)
                        .build());
            }
        }
        boolean known = cls.contains(">") || catalog.isBuiltIn(cls, null, null);
        if (cls.contains(">")) {
            if (reported.add(cls)) {
                findings.add(Finding.warning(FindingCode.CUSTOM_OBJECT)
                        .layer(name).className(cls)
                        .message("The loading code must provide the class registered as '" + cls
                                + "'.")
                        .cause("The model uses a class defined in the person's own code.")
                        .remedies(Remedies.REGISTER)
                        .build());
            }
        } else if (!known) {
            findings.add(Finding.error(FindingCode.UNKNOWN_CLASS)
                    .layer(name).className(cls)
                    .message("Unknown layer: '" + cls + "'. Please ensure you are using a "
                            + "`keras.utils.custom_object_scope` and that this object is "
                            + "included in the scope. See https://www.tensorflow.org/guide/keras/"
                            + "save_and_serialize#registering_the_custom_object for details.")
                    .cause("The legacy .h5 stores the bare class name '" + cls + "', which is "
                            + "neither a Keras 3 class nor the key of a registered class "
                            + "(registration keys carry a package, e.g. 'Custom>" + cls + "').")
                    .remedies(Remedies.CUSTOM_OBJECTS_PLAIN.replace("NAME", cls),
                            Remedies.CONVERT)
                    .build());
            return;
        }
        if (!cls.contains(">") && !MODELS.contains(cls)) {
            if (arguments.unknownLayer(cls)) {
                findings.add(Finding.error(FindingCode.UNKNOWN_CLASS)
                        .layer(name).className(cls)
                        .message("Unknown layer: '" + cls + "'. Please ensure you are using a "
                                + "`keras.utils.custom_object_scope` and that this object is "
                                + "included in the scope.")
                        .cause("'" + cls + "' is a layer of newer Keras versions; Keras "
                                + arguments.release().version() + " does not have it.")
                        .remedies(Remedies.RESAVE)
                        .build());
                return;
            }
            String unknown = arguments.unrecognized(cls, config, true);
            if (unknown != null) {
                findings.add(Finding.error(FindingCode.UNRECOGNIZED_ARGUMENT)
                        .layer(name).className(cls)
                        .message("Unrecognized keyword arguments passed to " + cls
                                + ": " + unknown)
                        .cause("The layer was saved by another Keras version whose " + cls
                                + " took arguments that Keras " + arguments.release().version()
                                + " does not accept.")
                        .remedies(Remedies.RESAVE)
                        .build());
            }
            findings.addAll(new VersionedObjectChecks(arguments.release()).objectsIn(config, name));
            if (arguments.release().does(LoaderBehaviour.LEGACY_FUNCTION_STRINGS)) {
                functionStrings(cls, name, config);
            }
            wrapped(cls, name, config);
        }
        JsonNode layers = config.get("layers");
        if (layers instanceof ArrayNode list) {
            for (JsonNode layer : list) {
                entry(layer);
            }
        }
    }

    /**
     * Wrappers (and a generic RNN's cell) rebuild their inner layer with Keras 3's deserializer
     * even in legacy mode; a Keras 2 inner config has no {@code module}, so only a custom object
     * registered under the bare class name could resolve it.
     */
    private void wrapped(String cls, String name, ObjectNode config) {
        for (String key : List.of("layer", "backward_layer", "cell")) {
            JsonNode inner = config.get(key);
            if (!Envelope.is(inner) || inner.has("module")
                    || (key.equals("cell") && !cls.equals("RNN"))) {
                continue;
            }
            String innerClass = inner.get("class_name").asText();
            findings.add(Finding.error(FindingCode.UNKNOWN_CLASS)
                    .layer(name).className(innerClass)
                    .message("Could not locate class '" + innerClass + "'. Make sure custom "
                            + "classes and functions are decorated with "
                            + "`@keras.saving.register_keras_serializable()`.")
                    .cause("The " + cls + " layer stores its inner layer in the Keras 2 form (no "
                            + "'module'), and Keras 3 rebuilds inner layers with its new "
                            + "deserializer, which cannot resolve a bare class name.")
                    .remedies(Remedies.RESAVE)
                    .build());
            return;
        }
    }

    /** String values the legacy deserializer turns into {@code keras.layers} functions. */
    private void functionStrings(String cls, String name, ObjectNode config) {
        Iterator<Map.Entry<String, JsonNode>> it = config.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("name") || !f.getValue().isTextual()
                    || !LAYER_FUNCTIONS.contains(f.getValue().asText())) {
                continue;
            }
            String value = f.getValue().asText();
            findings.add(Finding.error(FindingCode.FUNCTION_ARGUMENT)
                    .layer(name).className(cls)
                    .message("Invalid value for argument " + f.getKey() + ". Received: "
                            + f.getKey() + "=<function " + value + ">")
                    .cause("Keras's legacy loader replaces the string '" + value + "' with the "
                            + "Keras function of that name before creating the layer, which then "
                            + "rejects it.")
                    .remedies(Remedies.CONVERT, Remedies.RESAVE)
                    .build());
        }
    }
}
