package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.kerasview.config.KerasJson;
import dev.kerasview.config.SnakeCase;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the variables of a Keras 3 weights store to the layers of the model's config, in the
 * order and with the names Keras's legacy HDF5 writer uses. A layer is looked up where Keras's
 * save walk put it; when that group is absent or belongs to another layer (its {@code vars}
 * group's {@code name} attribute says so), the layer is found by that attribute instead.
 */
final class WeightPlanner {

    /** Sub-layer attributes of built-in composites, in the order the layer tracks them. */
    private static final List<String> SUB_LAYER_ORDER = List.of("cell", "forward_layer",
            "backward_layer", "layer", "query_dense", "key_dense", "value_dense", "output_dense");

    /**
     * Built-in classes that always create variables of their own once built; a layer of any
     * other class may rightly have none, so only these are reported as missing weights.
     */
    private static final Set<String> OWN_WEIGHTS = Set.of("BatchNormalization", "Dense", "EinsumDense",
            "Embedding", "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose",
            "Conv3DTranspose", "DepthwiseConv1D", "DepthwiseConv2D", "SeparableConv1D", "SeparableConv2D",
            "LayerNormalization", "PReLU", "Normalization");

    private final VariableNames variableNames;

    WeightPlanner(VariableNames variableNames) {
        this.variableNames = variableNames;
    }

    /** Plans the conversion of {@code model}; refuses files without a config or weights store. */
    WeightPlan plan(ModelFile model) throws ConversionException {
        if (model.configJson() == null) {
            throw new ConversionException(name(model) + " holds no model config: there is nothing to convert");
        }
        JsonNode root;
        try {
            root = KerasJson.parse(model.configJson());
        } catch (IOException e) {
            throw new ConversionException(name(model) + ": the model config is not valid JSON ("
                    + e.getMessage() + ")");
        }
        return plan(model, root);
    }

    /** Plans {@code model}'s stored weights for {@code root}, a config that replaces the file's. */
    WeightPlan plan(ModelFile model, JsonNode root) throws ConversionException {
        H5Group store = model.weights();
        if (store == null) {
            throw new ConversionException(name(model) + " has no readable weights store: only "
                    + "Keras 3 model.weights.h5 weights can be converted");
        }
        return new Run(model, root, store).plan();
    }

    private static String name(ModelFile m) {
        return m.file().getFileName().toString();
    }


    /** One planning pass; holds the indexes of the store. */
    private final class Run {
        private final ModelFile model;
        private final JsonNode root;
        private final H5Group store;
        private final Map<String, VariableInfo> readerVariables = new HashMap<>();
        private final Map<String, List<H5Group>> groupsByName = new LinkedHashMap<>();
        private final Set<String> claimed = new HashSet<>();
        private final List<String> notes = new ArrayList<>();

        Run(ModelFile model, JsonNode root, H5Group store) {
            this.model = model;
            this.root = root;
            this.store = store;
            if (model.root() != null) {
                indexReader(model.root());
            }
            indexNames(store);
        }

        private void indexReader(LayerNode node) {
            for (VariableInfo v : node.variables()) {
                readerVariables.put(v.path(), v);
            }
            node.children().forEach(this::indexReader);
        }

        private void indexNames(H5Group g) {
            g.group("vars").ifPresent(vars -> {
                String n = vars.stringAttribute("name");
                if (n != null) {
                    groupsByName.computeIfAbsent(n, k -> new ArrayList<>()).add(g);
                }
            });
            for (H5Group child : g.groups()) {
                if (!child.key().equals("vars")) {
                    indexNames(child);
                }
            }
        }

        WeightPlan plan() {
            List<PlannedLayer> layers = new ArrayList<>();
            String className = LegacyModelConfig.text(root.get("class_name"));
            JsonNode cfg = root.path("config");
            String modelName = cfg.path("name").asText("");
            if (LegacyModelConfig.isModel(root)) {
                boolean sequential = "Sequential".equals(className);
                for (Child c : children(cfg, "", sequential)) {
                    layers.add(planTopLayer(c, sequential ? modelName : ""));
                }
            } else {
                // Subclassed model: its config names sub-layers under the attributes Keras walks;
                // they are also reachable through the model's `layers` list, which older files used.
                Map<String, Integer> counters = new HashMap<>();
                cfg.fields().forEachRemaining(e -> {
                    JsonNode v = e.getValue();
                    if (isLayerEnvelope(v) && (v.path("config").has("trainable") || LegacyModelConfig.isModel(v))) {
                        String snake = SnakeCase.of(LegacyModelConfig.text(v.get("class_name")));
                        int k = counters.merge(snake, 1, Integer::sum) - 1;
                        String viaLayers = "layers/" + (k == 0 ? snake : snake + "_" + k);
                        layers.add(planTopLayer(new Child(v, e.getKey(), viaLayers), ""));
                    }
                });
                if (layers.isEmpty()) {
                    notes.add("the config of " + className + " describes no sub-layers; only "
                            + "weights it names can be converted");
                }
            }
            OptimizerPlanner.Result opt = new OptimizerPlanner().plan(root, store, layers, readerVariables);
            notes.addAll(opt.notes());
            Set<String> placed = new HashSet<>();
            layers.forEach(l -> l.weights().forEach(w -> placed.add(w.source().path())));
            List<String> unplaced = new ArrayList<>();
            store.groups().stream().filter(g -> !g.key().equals("optimizer"))
                    .forEach(g -> datasetPaths(g, unplaced));
            store.datasets().forEach(d -> unplaced.add(d.path()));
            unplaced.removeIf(placed::contains);
            if (!unplaced.isEmpty() && !placed.isEmpty()) {
                notes.add(unplaced.size() + " stored variable(s) belong to no layer of the config and are not "
                        + "written (Keras ignores them too): " + String.join(", ", unplaced.subList(0, Math.min(3, unplaced.size())))
                        + (unplaced.size() > 3 ? ", ..." : ""));
            }
            List<String> all = new ArrayList<>(notes);
            return new WeightPlan(layers, opt.name(), opt.weights(), all, unplaced);
        }

        /** Why a sharded store has nothing at {@code groupPath}: its shard is missing, or lacks the group. */
        private Optional<String> shardProblem(String groupPath) {
            String path = groupPath.startsWith("/") ? groupPath.substring(1) : groupPath;
            for (Finding f : model.problems()) {
                String at = f.path() == null ? "" : f.path().startsWith("/") ? f.path().substring(1) : f.path();
                if (f.code() == FindingCode.MISSING_SHARD && at.equals(path)) {
                    return Optional.of("its variables are in the shard " + f.found() + ", which is not beside the"
                            + " index; copy it there");
                }
                if (f.code() == FindingCode.SHARD_LACKS_GROUP && at.equals(path)) {
                    return Optional.of("the index maps it to shards that do not hold " + path
                            + "; restore the index written with these shards");
                }
            }
            return Optional.empty();
        }

        private void datasetPaths(H5Group g, List<String> out) {
            g.datasets().forEach(d -> out.add(d.path()));
            g.groups().forEach(c -> datasetPaths(c, out));
        }

        /** A layer entry of a model config with the path Keras's save walk gives it. */
        private record Child(JsonNode envelope, String predictedPath, String alternativePath) {
            Child(JsonNode envelope, String predictedPath) {
                this(envelope, predictedPath, null);
            }
        }

        private List<Child> children(JsonNode modelConfig, String modelPath, boolean sequential) {
            List<Child> out = new ArrayList<>();
            Map<String, Integer> counters = new HashMap<>();
            String base = modelPath.isEmpty() ? "layers" : modelPath + "/layers";
            for (JsonNode entry : modelConfig.path("layers")) {
                String cls = LegacyModelConfig.text(entry.get("class_name"));
                if (isOperation(entry) || (sequential && "InputLayer".equals(cls))) {
                    continue;
                }
                String snake = SnakeCase.of(cls == null ? "layer" : cls);
                int k = counters.merge(snake, 1, Integer::sum) - 1;
                out.add(new Child(entry, base + "/" + (k == 0 ? snake : snake + "_" + k)));
            }
            return out;
        }

        private PlannedLayer planTopLayer(Child c, String prefix) {
            JsonNode env = c.envelope();
            String name = layerName(env);
            String cls = LegacyModelConfig.text(env.get("class_name"));
            Located loc = locate(name, c.predictedPath(), "");
            if (loc.group() == null && c.alternativePath() != null) {
                loc = locate(name, c.alternativePath(), "");
            }
            if (loc.group() == null) {
                String missing = needsWeights(env)
                        ? "its weights are not in the file: no group at " + c.predictedPath()
                        + " and no vars group named '" + name + "'"
                        : null;
                return new PlannedLayer(name, cls, null, null, missing, List.of());
            }
            if (loc.repair() != null) {
                notes.add(loc.repair());
            }
            List<PlannedWeight> flat = new ArrayList<>();
            String missing = collect(env, cls, name, loc.group(), join(prefix, name), true, flat);
            List<PlannedWeight> ordered = new ArrayList<>();
            flat.stream().filter(PlannedWeight::trainable).forEach(ordered::add);
            flat.stream().filter(w -> !w.trainable()).forEach(ordered::add);
            return new PlannedLayer(name, cls, loc.group().path(), loc.repair(), missing, ordered);
        }

        /**
         * Appends the weights of a layer in Keras's {@code layer.weights} order (own, then
         * sub-layers). Returns why some are missing, or null.
         */
        private String collect(JsonNode env, String cls, String name, H5Group group, String weightPrefix,
                               boolean parentTrainable, List<PlannedWeight> out) {
            JsonNode cfg = env == null ? NullNode.instance : env.path("config");
            boolean trainable = parentTrainable && cfg.path("trainable").asBoolean(true);
            List<H5Dataset> own = group.group("vars").map(H5Group::datasets).orElse(List.of());
            List<VariableInfo> stored = own.stream().map(this::variable).toList();
            JsonNode build = env == null ? null : env.get("build_config");
            List<VariableNames.Named> named = variableNames.names(cls, cfg, build, stored);
            for (int i = 0; i < stored.size(); i++) {
                VariableNames.Named n = named.get(i);
                out.add(new PlannedWeight(weightPrefix + "/" + n.name(), stored.get(i),
                        trainable && n.trainable()));
            }
            String missing = null;
            if (stored.isEmpty() && env != null && expectsOwnVariables(cls, cfg)) {
                missing = shardProblem(group.path()).orElse(
                        "its group " + group.path() + " holds no variables (the layer was saved unbuilt)");
            }
            if (env != null && LegacyModelConfig.isModel(env)) {
                boolean sequential = "Sequential".equals(cls);
                for (Child c : children(cfg, group.path(), sequential)) {
                    String childName = layerName(c.envelope());
                    String childCls = LegacyModelConfig.text(c.envelope().get("class_name"));
                    Located loc = locate(childName, c.predictedPath(), group.path());
                    String childPrefix = sequential ? name : "";
                    if (loc.group() == null) {
                        if (needsWeights(c.envelope())) {
                            missing = first(missing, "weights of its layer '" + childName + "' are not in the file");
                        }
                        continue;
                    }
                    if (loc.repair() != null) {
                        notes.add(loc.repair());
                    }
                    String m = collect(c.envelope(), childCls, childName, loc.group(),
                            join(childPrefix, childName), trainable, out);
                    missing = first(missing, m);
                }
                return missing;
            }
            for (H5Group sub : orderedSubLayers(group)) {
                String subName = sub.group("vars").map(v -> v.stringAttribute("name")).orElse(null);
                if (subName == null) {
                    subName = sub.key();
                }
                JsonNode subEnv = subLayerEnvelope(cfg, sub.key());
                if (subEnv == null) {
                    // MultiHeadAttention's projections: the config holds none; the catalog does.
                    subEnv = variableNames.subLayerEnvelope(cls, cfg, build, sub.key());
                }
                String subCls = subEnv != null ? LegacyModelConfig.text(subEnv.get("class_name"))
                        : subLayerClass(cls, sub.key());
                claimed.add(sub.path());
                String m = collect(subEnv, subCls, subName, sub, weightPrefix + "/" + subName,
                        trainable, out);
                missing = first(missing, m);
            }
            return missing;
        }

        private VariableInfo variable(H5Dataset d) {
            VariableInfo known = readerVariables.get(d.path());
            if (known != null) {
                return known;
            }
            return new VariableInfo(d.key(), d.shape(), d.dtype(), d.byteSize(), true, d.path(), null);
        }

        private List<H5Group> orderedSubLayers(H5Group group) {
            List<H5Group> subs = new ArrayList<>(group.groups().stream()
                    .filter(g -> !g.key().equals("vars")).toList());
            subs.sort((a, b) -> {
                int ia = SUB_LAYER_ORDER.indexOf(a.key());
                int ib = SUB_LAYER_ORDER.indexOf(b.key());
                ia = ia < 0 ? Integer.MAX_VALUE : ia;
                ib = ib < 0 ? Integer.MAX_VALUE : ib;
                return ia != ib ? Integer.compare(ia, ib) : a.key().compareTo(b.key());
            });
            return subs;
        }

        /** The config envelope of a wrapper's inner layer, when the config holds it. */
        private JsonNode subLayerEnvelope(JsonNode cfg, String attribute) {
            if (cfg == null || !cfg.isObject()) {
                return null;
            }
            JsonNode layer = cfg.get("layer");
            if (attribute.equals("layer") && isLayerEnvelope(layer)) {
                return layer;
            }
            // Sub-layer names come from the store's name attributes; only class and config matter here.
            if (attribute.equals("forward_layer") && isLayerEnvelope(layer)) {
                return layer;
            }
            if (attribute.equals("backward_layer")) {
                JsonNode back = cfg.get("backward_layer");
                return isLayerEnvelope(back) ? back : isLayerEnvelope(layer) ? layer : null;
            }
            if (attribute.equals("cell") && isLayerEnvelope(cfg.get("cell"))) {
                return cfg.get("cell");
            }
            return null;
        }

        private String subLayerClass(String parentCls, String attribute) {
            if (attribute.equals("cell") && parentCls != null) {
                return switch (parentCls) {
                    case "LSTM" -> "LSTMCell";
                    case "GRU" -> "GRUCell";
                    case "SimpleRNN" -> "SimpleRNNCell";
                    case "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D" -> "ConvLSTMCell";
                    default -> null;
                };
            }
            if (attribute.endsWith("_dense") && "MultiHeadAttention".equals(parentCls)) {
                return "EinsumDense";
            }
            return null;
        }

        /** Where a layer's group is: the predicted path if it is that layer's, else by name. */
        private Located locate(String layerName, String predicted, String scope) {
            H5Group at = store.find(predicted).orElse(null);
            if (at == null && predicted.contains("layers")) {
                // tf.keras 2.13-era files put Functional sub-layers under this attribute.
                at = store.find(predicted.replace("layers", "_layer_checkpoint_dependencies")).orElse(null);
            }
            if (at != null && at.group("vars").isPresent()) {
                String attr = at.group("vars").get().stringAttribute("name");
                if (attr == null || attr.equals(layerName)) {
                    claimed.add(at.path());
                    return new Located(at, null);
                }
            }
            List<H5Group> candidates = groupsByName.getOrDefault(layerName, List.of());
            H5Group pick = null;
            for (H5Group g : candidates) {
                if (!claimed.contains(g.path()) && within(g.path(), scope)) {
                    pick = g;
                    break;
                }
            }
            if (pick == null) {
                pick = candidates.stream().filter(g -> !claimed.contains(g.path())).findFirst().orElse(null);
            }
            String how;
            if (pick == null && !candidates.isEmpty()) {
                // The same layer object is referenced twice; Keras wrote its weights once.
                pick = candidates.get(0);
                how = "layer '" + layerName + "' shares the weights stored once at " + pick.path()
                        + " (Keras looks for them at " + predicted + ")";
            } else {
                how = pick == null ? null : "layer '" + layerName + "' found by its name at "
                        + pick.path() + " instead of " + predicted;
            }
            if (pick == null) {
                return new Located(null, null);
            }
            claimed.add(pick.path());
            return new Located(pick, how);
        }

        private boolean within(String path, String scope) {
            return scope.isEmpty() || path.startsWith(scope + "/");
        }

        private boolean needsWeights(JsonNode env) {
            String cls = LegacyModelConfig.text(env.get("class_name"));
            if (LegacyModelConfig.isModel(env)) {
                return false;
            }
            return expectsOwnVariables(cls, env.path("config"));
        }

        private boolean expectsOwnVariables(String cls, JsonNode cfg) {
            if (cls == null || (cls.equals("Normalization") && cfg.hasNonNull("mean"))) {
                return false; // a Normalization given its mean and variance in the config stores none
            }
            return OWN_WEIGHTS.contains(cls);
        }

        private String layerName(JsonNode env) {
            JsonNode n = env.get("name");
            if (n != null && n.isTextual()) {
                return n.asText();
            }
            return env.path("config").path("name").asText("");
        }

        private boolean isOperation(JsonNode entry) {
            String module = LegacyModelConfig.text(entry.get("module"));
            return module != null && module.startsWith("keras.src.ops");
        }
    }

    private record Located(H5Group group, String repair) {
    }

    static boolean isLayerEnvelope(JsonNode v) {
        return v != null && v.isObject() && v.has("class_name") && v.path("config").isObject()
                && (v.has("module") || v.has("registered_name"));
    }

    private static String join(String prefix, String name) {
        return prefix == null || prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
