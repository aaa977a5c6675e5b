package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Upgrades one layer entry (and, through the model forms, the layers nested in it) to its Keras 3 envelope. */
final class LayerUpgrader {

    /** Built-in classes of older Keras versions that Keras 3 dropped without an exact replacement. */
    private static final Map<String, String> DROPPED = Map.of(
            "Highway", "Keras 2.0 removed Highway",
            "MaxoutDense", "Keras 2.0 removed MaxoutDense",
            "TimeDistributedDense", "Keras 2.0 replaced TimeDistributedDense by TimeDistributed(Dense)",
            "CuDNNLSTM", "Keras 3 has no CuDNNLSTM, and its weights keep two bias vectors that LSTM adds into one",
            "CuDNNGRU", "Keras 3 has no CuDNNGRU",
            "LocallyConnected1D", "Keras 3 removed LocallyConnected1D",
            "LocallyConnected2D", "Keras 3 removed LocallyConnected2D",
            "ThresholdedReLU", "Keras 3 removed ThresholdedReLU (ReLU(threshold=) differs at the threshold itself)",
            "DenseFeatures", "Keras 3 removed the feature-column layer DenseFeatures");

    private static final Set<String> MODELS = Set.of("Sequential", "Functional", "Model");

    private final UpgradeRun run;
    private final ModelForms models;
    private final WeightRecipes recipes;
    private boolean inWrapper;

    LayerUpgrader(UpgradeRun run) {
        this.run = run;
        this.models = new ModelForms(run, this);
        this.recipes = new WeightRecipes(run);
    }

    /** The whole model: the root entry of a {@code model_config} or {@code to_json()} text. */
    ObjectNode model(JsonNode root) throws UpgradeRefusedException {
        return layer(root, false, true);
    }

    /**
     * One entry of a {@code layers} list (or a wrapper's inner layer).
     *
     * @param inFunctional keep the entry's {@code name} and {@code inbound_nodes} keys
     * @param root         the model itself, where a Sequential needs its input shape to be built
     */
    ObjectNode layer(JsonNode entry, boolean inFunctional, boolean root) throws UpgradeRefusedException {
        if (entry == null || !entry.isObject() || Json.text(entry.get("class_name")) == null) {
            throw new UpgradeRefusedException(Reason.INEXACT, List.of(),
                    "A layer entry of the config is not a {\"class_name\", \"config\"} object (" + shorten(entry)
                            + "); the file's model config is damaged or not a Keras model.");
        }
        String written = Json.text(entry.get("class_name"));
        String registered = Json.text(entry.get("registered_name"));
        String className = written.contains(">") ? written.substring(written.indexOf('>') + 1) : written;
        JsonNode rawConfig = entry.get("config");
        String name = layerName(entry, rawConfig);

        ObjectNode out;
        if (MODELS.contains(className) && !written.contains(">") && !custom(entry)) {
            out = models.upgrade(className, rawConfig, name, root);
        } else if (!(rawConfig instanceof ObjectNode objectConfig)) {
            throw new UpgradeRefusedException(Reason.INEXACT, List.of(name),
                    "Layer '" + name + "' (" + className + ") has no config object; the file's model config is damaged.");
        } else {
            ObjectNode config = objectConfig.deepCopy();
            ForeignCode.check(className, name, config);
            String upgraded = Keras1Names.className(className);
            if (!upgraded.equals(className)) {
                run.note("Layer '" + name + "': Keras 1 class " + className + " became " + upgraded + ".");
                className = upgraded;
            }
            if ("Merge".equals(className) && !custom(entry) && !written.contains(">")) {
                Keras1Merge.Replacement merged = Keras1Merge.upgrade(config, name, inFunctional, run);
                className = merged.className();
                config = merged.config();
            }
            if (DROPPED.containsKey(className) && !custom(entry)) {
                throw new UpgradeRefusedException(Reason.UNKNOWN_CLASS, List.of(name),
                        "Layer '" + name + "' is a " + className + ": " + DROPPED.get(className)
                                + ". Rebuild that part of the model with Keras 3 layers and load the other weights.");
            }
            if (run.arguments.isLayer(className) && !custom(entry) && !written.contains(">")) {
                out = builtIn(className, name, config, inFunctional);
            } else {
                out = customLayer(entry, className, registered != null ? registered : written, config);
            }
        }
        if (entry.has("build_config") && !out.has("build_config")) {
            // a Keras 3 entry keeps the shapes it was built with; older forms have none to keep
            out.set("build_config", entry.get("build_config").deepCopy());
        }
        if (inFunctional) {
            out.put("name", name);
            JsonNode nodes = entry.get("inbound_nodes");
            InboundNodes.check(nodes, name);
            out.set("inbound_nodes", nodes == null ? Json.array() : nodes.deepCopy());
        }
        return out;
    }

    private ObjectNode builtIn(String className, String name, ObjectNode config, boolean inFunctional)
            throws UpgradeRefusedException {
        ObjectNode c = config;
        boolean keras1 = Keras1Names.isKeras1(className, c) || run.keras1();
        if (keras1) {
            c = Keras1Names.rename(className, name, c, run);
        }
        switch (className) {
            case "InputLayer" -> {
                return Json.envelope("keras.layers", "InputLayer", InputLayers.keras3(c, name, run), null);
            }
            case "Bidirectional", "TimeDistributed" -> {
                // the wrapper's weights group holds the inner layer's weights: the wrapper owns the recipe
                inWrapper = true;
                try {
                    Wrappers.upgrade(c, className, this);
                } finally {
                    inWrapper = false;
                }
            }
            case "LeakyReLU" -> {
                if (c.has("alpha") && !c.has("negative_slope")) {
                    c = Json.renameKey(c, "alpha", "negative_slope", c.get("alpha"));
                    run.note("LeakyReLU '" + name + "': alpha became negative_slope, its Keras 3 name.");
                }
            }
            case "GRU" -> {
                if (!c.has("reset_after") && run.preKeras3()) {
                    // Keras 1 and 2.0 GRUs applied the reset gate before the matrix product; Keras 3's default is after
                    c.put("reset_after", false);
                    run.note("GRU '" + name + "': set reset_after=False, the behaviour of the Keras version that wrote"
                            + " it (Keras 3's default is True).");
                }
            }
            case "Lambda" -> Lambdas.upgrade(c, name, run);
            default -> {
            }
        }
        if (c.has("function") && "Lambda".equals(className)) {
            // Lambdas were rewritten whole by Lambdas
            return Json.envelope("keras.layers", className, c, null);
        }
        JsonNode axis = c.get("axis");
        if (run.preKeras3() && axis != null && axis.isArray() && axis.size() == 1 && axis.get(0).isIntegralNumber()) {
            // tf.keras wrote axis=[3] where Keras 3 takes an int (Keras 3's own legacy loader unwraps it too)
            c.set("axis", axis.get(0));
        }
        RemovedArguments.apply(c, className, name, run);
        NestedObjects.upgrade(c, className, name, run);
        if (!c.has("dtype")) {
            c.set("dtype", Json.dtypePolicy("float32"));
        }
        if (!c.has("trainable")) {
            c.put("trainable", true);
        }
        if (!inWrapper) {
            recipes.layer(className, name, c, keras1, run.modelDepth == 1);
        }
        return Json.envelope("keras.layers", className, c, null);
    }

    /** A class Keras 3 does not have: kept as written, under its registered name. */
    private ObjectNode customLayer(JsonNode entry, String className, String registered, ObjectNode config)
            throws UpgradeRefusedException {
        run.customNames.add(registered);
        collectCustomNames(config);
        upgradeNestedModels(config);
        String module = Json.text(entry.get("module"));
        ObjectNode out = Json.envelope(module, className, config, registered);
        if (entry.has("build_config")) {
            out.set("build_config", entry.get("build_config").deepCopy());
        }
        return out;
    }

    /**
     * A custom model's config embeds the Keras models it was built from (a VAE's encoder and decoder);
     * Keras 3 deserializes them as it would any model, so they take the Keras 3 form too.
     */
    private void upgradeNestedModels(ObjectNode config) throws UpgradeRefusedException {
        List<String> fields = new ArrayList<>();
        config.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode value = config.get(field);
            String cls = value.isObject() ? Json.text(value.get("class_name")) : null;
            if (cls != null && MODELS.contains(cls) && value.get("config") != null && !custom(value)) {
                config.set(field, layer(value, false, false));
            }
        }
    }

    /**
     * A custom class's config is kept as written, but the classes it embeds (a VAE's encoder holding a
     * {@code vae>Sampling}) are needed too: every {@code package>Name} and non-Keras registered name in it.
     */
    private void collectCustomNames(JsonNode node) {
        if (node.isObject()) {
            String cls = Json.text(node.get("class_name"));
            String registered = Json.text(node.get("registered_name"));
            String module = Json.text(node.get("module"));
            if (registered != null && node.has("module") && (module == null || !module.startsWith("keras"))
                    && !"function".equals(registered)) {
                run.customNames.add(registered);
            } else if ("function".equals(registered) && Json.text(node.get("config")) != null) {
                run.customNames.add(Json.text(node.get("config")));
            } else if (cls != null && cls.contains(">") && node.has("config")) {
                run.customNames.add(cls);
            }
        }
        node.forEach(this::collectCustomNames);
    }

    /** True for an entry already in Keras 3 form whose module lies outside Keras. */
    private static boolean custom(JsonNode entry) {
        String module = Json.text(entry.get("module"));
        return entry.has("module") && (module == null || !module.startsWith("keras"));
    }

    private static String layerName(JsonNode entry, JsonNode config) {
        String name = config != null ? Json.text(config.get("name")) : null;
        if (name == null) {
            name = Json.text(entry.get("name"));
        }
        return name == null ? "(unnamed)" : name;
    }

    private static String shorten(JsonNode node) {
        String s = String.valueOf(node);
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
