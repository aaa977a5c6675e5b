package dev.kerasview.diagnose;

import static dev.kerasview.model.FindingCode.MODULE_NOT_FOUND;
import static dev.kerasview.model.FindingCode.UNKNOWN_CLASS;
import static dev.kerasview.model.FindingCode.UNRECOGNIZED_ARGUMENT;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.catalog.ObjectKind;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Keras 3's deserializer ({@code serialization_lib}, KERAS_FORMATS.md §3.10) does with each
 * object of a config before any weight is read: classes and functions it cannot locate, custom
 * objects the loading code must provide, Python lambdas refused in safe mode, configs that are not
 * objects, and keyword arguments the Keras 3 layer no longer accepts.
 */
final class KerasConfigChecks {

    private static final Set<String> SPECIAL = Set.of("__keras_tensor__", "__tensor__",
            "__numpy__", "__bytes__", "__slice__", "__ellipsis__", "__typespec__");
    static final String LAMBDA_LAYER_MESSAGE = "Requested the deserialization of a `Lambda` layer "
            + "whose `function` is a Python lambda. This carries a potential risk of arbitrary "
            + "code execution and thus it is disallowed by default. If you trust the source of "
            + "the artifact, you can override this error by passing `safe_mode=False` to the "
            + "loading function, or calling `keras.config.enable_unsafe_deserialization().";
    static final String LAMBDA_MESSAGE = "Requested the deserialization of a Python lambda. This "
            + "carries a potential risk of arbitrary code execution and thus it is disallowed by "
            + "default. If you trust the source of the artifact, you can override this error by "
            + "passing `safe_mode=False` to the loading function, or calling "
            + "`keras.config.enable_unsafe_deserialization().";

    private final LayerCatalog catalog;
    private final LayerArguments arguments;
    private final KerasModules modules = new KerasModules();
    private final VersionedObjectChecks versioned;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    KerasConfigChecks(LayerCatalog catalog, LayerArguments arguments) {
        this.catalog = catalog;
        this.arguments = arguments;
        this.versioned = new VersionedObjectChecks(arguments.release());
    }

    /** Checks the whole config; the root must be a serialized model. */
    List<Finding> check(JsonNode root) {
        if (!Envelope.is(root)) {
            findings.add(Finding.error(FindingCode.INVALID_CONFIG)
                    .message("The architecture is not a serialized Keras object (no class_name and "
                            + "config).")
                    .cause("The file's architecture JSON is not in a form Keras can "
                            + "rebuild.")
                    .remedies(Remedies.RESAVE)
                    .build());
            return findings;
        }
        visit(root, null);
        return findings;
    }

    private void visit(JsonNode node, String enclosingLayer) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                visit(n, enclosingLayer);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("class_name") && node.has("config") && node.get("class_name").isTextual()) {
            envelope(new Envelope(node), enclosingLayer, false);
            return;
        }
        node.elements().forEachRemaining(n -> visit(n, enclosingLayer));
    }

    /**
     * A Functional's or Sequential's {@code layers}: Keras rebuilds an entry without a {@code module}
     * key through its legacy loader ({@code saving_utils.model_from_config}), which knows every built-in
     * layer by its bare name and first turns {@code batch_input_shape} into a shape argument.
     */
    private void visitLayerList(JsonNode layers, String enclosingLayer) {
        for (JsonNode entry : layers) {
            if (Envelope.is(entry) && !entry.has("module") && entry.get("config").isObject()) {
                envelope(new Envelope(LegacyLayerEntry.asKerasReadsIt(entry)), enclosingLayer, true);
            } else {
                visit(entry, enclosingLayer);
            }
        }
    }

    private void envelope(Envelope e, String enclosingLayer, boolean legacyEntry) {
        String cls = e.className();
        if (SPECIAL.contains(cls)) {
            return;
        }
        if (cls.equals("__lambda__")) {
            boolean inLambdaLayer = enclosingLayer != null;
            findings.add(Finding.error(FindingCode.LAMBDA)
                    .layer(enclosingLayer).className(inLambdaLayer ? "Lambda" : null)
                    .message(inLambdaLayer ? LAMBDA_LAYER_MESSAGE : LAMBDA_MESSAGE)
                    .cause("The file stores a Python lambda as CPython bytecode; Keras refuses to "
                            + "run it in safe mode, and the bytecode only works on the Python "
                            + "version that wrote it.")
                    .remedies(Remedies.SAFE_MODE)
                    .build());
            return;
        }
        if (cls.equals("function")) {
            function(e);
            return;
        }
        JsonNode config = e.config();
        if (config != null && !config.isObject() && !config.isNull()) {
            findings.add(Finding.error(FindingCode.INVALID_CONFIG)
                    .className(cls)
                    .message("Expected 'config' to be a dict for " + cls + ",")
                    .cause("The config was written by Keras 1 or 2 (a list of layers instead of an "
                            + "object); Keras 3 cannot read that form.")
                    .remedies(Remedies.RESAVE)
                    .build());
            return;
        }
        if (!(legacyEntry && LegacyLayerEntry.resolves(cls, catalog)) && !resolveClass(e)) {
            return;
        }
        String layerName = cls.equals("Lambda") ? e.name() : enclosingLayer;
        if (config != null) {
            checkArguments(e);
            // Its constructor then rebuilds the initializers, regularizers and constraints.
            if (!ObjectKind.ofModule(e.module()).isPresent()) {
                findings.addAll(versioned.objectsIn(config, e.name()));
            }
            Iterator<Map.Entry<String, JsonNode>> it = config.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().equals("layers") && f.getValue().isArray() && LegacyLayerEntry.isModel(cls)) {
                    visitLayerList(f.getValue(), layerName);
                } else if (!f.getKey().equals("dtype")) {
                    visit(f.getValue(), layerName);
                }
            }
        }
    }

    /** False when Keras stops here (it never reaches the object's contents). */
    private boolean resolveClass(Envelope e) {
        String cls = e.className();
        String registered = e.registeredName();
        if (!e.hasModuleKey()) {
            // Keras 2 style: only the custom-object registry can resolve the bare name.
            if (catalog.isBuiltIn(cls, null, null)) {
                error(UNKNOWN_CLASS, e, "Could not locate class '" + cls + "'. Make "
                        + "sure custom classes and functions are decorated with "
                        + "`@keras.saving.register_keras_serializable()`.",
                        "The config is in the Keras 2 form (no 'module' key), so Keras 3 cannot "
                                + "find its built-in class '" + cls + "'.", Remedies.RESAVE);
                return false;
            }
            if (e.config() != null && e.config().has("name")) {
                custom(e, cls);
            }
            return true;
        }
        String module = e.module();
        if (registered != null && registered.contains(">")) {
            custom(e, registered);
            return true;
        }
        if (module == null || !LayerCatalog.isKerasModule(module)) {
            custom(e, registered != null ? registered : cls);
            return true;
        }
        if (!modules.importable(module)) {
            error(MODULE_NOT_FOUND, e, "Could not deserialize class '" + cls + "' "
                            + "because its parent module " + module + " cannot be imported.",
                    "The class was saved from a module that Keras 3.15.1 does not have (the "
                            + "file was written by tf.keras 2.x or another Keras version).",
                    Remedies.RESAVE);
            return false;
        }
        if (module.equals("keras.layers") && !catalog.isBuiltIn(cls, null, null)) {
            error(UNKNOWN_CLASS, e, "Could not locate class '" + cls + "'. Make sure "
                            + "custom classes and functions are decorated with "
                            + "`@keras.saving.register_keras_serializable()`.",
                    "'" + cls + "' is not a Keras 3 layer (it existed only in tf.keras or an "
                            + "older Keras).", Remedies.RESAVE);
            return false;
        }
        return true;
    }

    private void function(Envelope e) {
        JsonNode c = e.config();
        String name = c != null && c.isTextual() ? c.asText() : null;
        String module = e.module();
        if (name == null) {
            return;
        }
        if (module != null && LayerCatalog.isKerasModule(module)) {
            return;
        }
        if ("builtins".equals(module) && KerasFunctions.NAMES.contains(name)) {
            return;
        }
        if (!reported.add("function:" + name)) {
            return;
        }
        findings.add(Finding.warning(FindingCode.CUSTOM_OBJECT)
                .className(name)
                .message("The loading code must provide the function '" + name + "' (Keras: Could "
                        + "not locate function '" + name + "' when it is missing).")
                .cause("The model calls a function defined in the person's own code, not in Keras.")
                .remedies(Remedies.REGISTER)
                .build());
    }

    private void custom(Envelope e, String registered) {
        String cls = e.className();
        if (!reported.add("class:" + registered)) {
            return;
        }
        // DESIGN: a custom object's finding names, in className, what the loading code registers.
        findings.add(Finding.warning(FindingCode.CUSTOM_OBJECT)
                .layer(e.name()).className(registered)
                .message("The loading code must provide the class '" + cls + "'"
                        + (registered.equals(cls) ? "" : " registered as '" + registered + "'")
                        + " (Keras: Could not locate class '" + cls + "' when it is missing).")
                .cause("The model uses a class defined in the person's own code, not in Keras.")
                .remedies(Remedies.REGISTER)
                .build());
    }

    private void checkArguments(Envelope e) {
        if (!catalog.isBuiltIn(e.className(), e.module(),
                e.hasModuleKey() ? e.registeredName() : null)) {
            return;
        }
        String version = arguments.release().version().toString();
        if (arguments.unknownLayer(e.className())) {
            error(UNKNOWN_CLASS, e, "Could not locate class '" + e.className() + "'. Make sure "
                            + "custom classes and functions are decorated with "
                            + "`@keras.saving.register_keras_serializable()`.",
                    "'" + e.className() + "' is a layer of newer Keras versions; Keras " + version
                            + " does not have it.", Remedies.RESAVE);
            return;
        }
        String unknown = arguments.unrecognized(e.className(), e.config(), false);
        if (unknown != null) {
            error(UNRECOGNIZED_ARGUMENT, e, "Unrecognized keyword arguments passed to "
                            + e.className() + ": " + unknown,
                    "The layer's config holds arguments of another Keras version that Keras "
                            + version + "'s " + e.className() + " does not accept.", Remedies.RESAVE);
        }
        String missing = arguments.missing(e.className(), e.config());
        if (missing != null) {
            error(FindingCode.MISSING_ARGUMENT, e, missing,
                    "The layer's config lacks an argument Keras " + version + "'s " + e.className()
                            + " requires, so Keras cannot construct it.", Remedies.RESAVE);
        }
    }

    private void error(FindingCode code, Envelope e, String message, String cause, String remedy) {
        findings.add(Finding.error(code)
                .layer(e.name()).className(e.className())
                .message(message)
                .cause(cause)
                .remedies(remedy)
                .build());
    }
}
