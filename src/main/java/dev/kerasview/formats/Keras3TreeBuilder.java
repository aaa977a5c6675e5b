package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.SubLayerSpec;
import dev.kerasview.config.KerasJson;
import dev.kerasview.config.LayerConfig;
import dev.kerasview.config.SnakeCase;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the layer tree of a Keras 3 weights layout: the config is the skeleton, placed at the
 * paths Keras's save walk gives (KERAS_FORMATS.md §4.2–4.4); the HDF5 tree supplies the
 * variables, composite sub-layers, subclassed models' parts, the optimizer and orphans.
 */
final class Keras3TreeBuilder {

    private static final Map<String, String> KNOWN_SUBLAYER_CLASSES = Map.of(
            "query_dense", "EinsumDense", "key_dense", "EinsumDense",
            "value_dense", "EinsumDense", "output_dense", "EinsumDense",
            "_softmax", "Softmax", "_dropout_layer", "Dropout");

    private final H5Group weights;
    private final VariableNamer namer;
    private final String weightsFileKey;
    private final Set<String> claimed = new HashSet<>();

    Keras3TreeBuilder(H5Group weights, VariableNamer namer, String weightsFileKey) {
        this.weights = weights;
        this.namer = namer;
        this.weightsFileKey = weightsFileKey;
    }

    /** The tree for a model config (envelope) over a weights structure (may be null). */
    LayerNode build(JsonNode modelEnvelope) {
        Draft root = fromConfig(new LayerConfig(modelEnvelope), "");
        if (root.name.isEmpty()) {
            // Subclassed and Keras 1 configs may carry no name; the weights or the class say one.
            String stored = weights == null ? null : weights.find("vars")
                    .map(v -> v.stringAttribute("name")).orElse(null);
            root.name = stored != null ? stored : SnakeCase.of(String.valueOf(root.className));
        }
        if (weights != null) {
            claimPredicted(root);
            claimByName(root);
            addStoredParts(root);
            addOptimizer(root);
            addOrphans(root);
        }
        nameVariables(root);
        return root.toNode(TreeFigures.of(modelEnvelope, root));
    }

    /** The tree for a weights file alone: structure from groups and their {@code name} attributes. */
    LayerNode buildWithoutConfig(String fallbackName) {
        Draft root = new Draft();
        H5Group rootVars = weights.group("vars").orElse(null);
        root.name = rootVars != null && rootVars.stringAttribute("name") != null
                ? rootVars.stringAttribute("name") : fallbackName;
        root.className = "Model";
        root.kind = LayerKind.MODEL;
        root.group = weights;
        claimed.add("vars");
        addStoredParts(root);
        addOptimizer(root);
        addOrphans(root);
        nameVariables(root);
        return root.toNode();
    }

    private Draft fromConfig(LayerConfig lc, String path) {
        boolean builtIn = namer.isBuiltIn(lc.className(), lc.module(), lc.registeredName());
        LayerKind kind = lc.hasLayerList() ? LayerKind.MODEL
                : lc.isInputLayer() ? LayerKind.INPUT
                : lc.isLambda() ? LayerKind.LAMBDA
                : builtIn ? LayerKind.LAYER : LayerKind.CUSTOM;
        Draft d = Draft.of(lc, kind, path);
        if (lc.hasLayerList()) {
            Map<String, Integer> counters = new HashMap<>();
            for (LayerConfig child : lc.layers()) {
                if (lc.isSequential() && child.isInputLayer()) {
                    continue;
                }
                if (child.isOperation()) {
                    Draft op = Draft.of(child, LayerKind.LAYER, null);
                    d.children.add(op);
                    continue;
                }
                String seg = counted(counters, SnakeCase.of(runtimeClass(child)));
                d.children.add(fromConfig(child, join(path, "layers/" + seg)));
            }
        } else if (!builtIn && lc.config().isObject()) {
            // A subclassed model or custom layer: sub-layers it serialises sit under their
            // attribute names.
            Iterator<Map.Entry<String, JsonNode>> it = lc.config().fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (LayerConfig.isLayerEnvelope(f.getValue())) {
                    d.children.add(fromConfig(new LayerConfig(f.getValue()), join(path, f.getKey())));
                    if (d.kind == LayerKind.CUSTOM) {
                        d.kind = LayerKind.MODEL;
                    }
                }
            }
        }
        return d;
    }

    private static String runtimeClass(LayerConfig lc) {
        // Keras 2 configs say "Model" for what Keras 3 rebuilds as Functional.
        return "Model".equals(lc.className()) && lc.hasLayerList() ? "Functional" : lc.className();
    }

    private static String counted(Map<String, Integer> counters, String base) {
        int n = counters.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "_" + (n - 1);
    }

    private void claimPredicted(Draft d) {
        if (d.predictedPath != null && d.group == null) {
            weights.find(d.predictedPath).ifPresent(g -> {
                String vars = join(g.path(), "vars");
                if (g.group("vars").isPresent() && !claimed.contains(vars)) {
                    claimed.add(vars);
                    d.group = g;
                }
            });
        }
        for (Draft c : d.children) {
            claimPredicted(c);
        }
    }

    /** Fallback for paths that do not exist: the unclaimed {@code vars} group named like the layer. */
    private void claimByName(Draft d) {
        if (d.group == null && d.predictedPath != null && !d.name.isEmpty()) {
            H5Group hit = findVarsNamed(weights, d.name);
            if (hit != null) {
                claimed.add(join(hit.path(), "vars"));
                d.group = hit;
            }
        }
        for (Draft c : d.children) {
            claimByName(c);
        }
    }

    private H5Group findVarsNamed(H5Group g, String name) {
        for (H5Group c : g.groups()) {
            if (c.key().equals("vars")) {
                continue;
            }
            H5Group vars = c.group("vars").orElse(null);
            if (vars != null && name.equals(vars.stringAttribute("name"))
                    && !claimed.contains(vars.path())) {
                return c;
            }
            H5Group deeper = findVarsNamed(c, name);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    /** Sub-groups of a resolved layer not described by the config: composite parts, subclass parts. */
    private void addStoredParts(Draft d) {
        for (Draft c : new ArrayList<>(d.children)) {
            addStoredParts(c);
        }
        if (d.group != null) {
            collectParts(d, d.group);
        }
    }

    private void collectParts(Draft owner, H5Group container) {
        List<H5Group> subs = new ArrayList<>(container.groups());
        // Keras's own order puts the forward layer first; group names sort it last.
        subs.sort(Comparator.comparingInt(g -> g.key().equals("backward_layer") ? 1 : 0));
        for (H5Group sub : subs) {
            if (sub.key().equals("vars") || (container == weights && sub.key().equals("optimizer"))) {
                continue;
            }
            H5Group vars = sub.group("vars").orElse(null);
            if (vars != null && !claimed.contains(vars.path())) {
                claimed.add(vars.path());
                Draft part = storedPart(owner, sub, vars);
                owner.children.add(part);
                collectParts(part, sub);
            } else if (vars == null) {
                if (sub.problem() != null) {
                    Draft broken = new Draft();
                    broken.name = sub.key();
                    broken.kind = LayerKind.WEIGHTS_GROUP;
                    broken.group = sub;
                    broken.problem = sub.problem();
                    owner.children.add(broken);
                } else {
                    // A container ("layers", "_layer_checkpoint_dependencies"): look inside.
                    collectParts(owner, sub);
                }
            }
        }
    }

    private Draft storedPart(Draft owner, H5Group sub, H5Group vars) {
        Draft part = new Draft();
        String attrName = vars.stringAttribute("name");
        part.group = sub;
        part.name = attrName != null ? attrName : sub.key();
        part.kind = LayerKind.WEIGHTS_GROUP;
        if (owner.kind == LayerKind.LAYER || owner.namingClass != null) {
            JsonNode ownerConfig = owner.namingConfig != null ? owner.namingConfig
                    : owner.config == null ? null : owner.config.config();
            String ownerClass = owner.namingClass != null ? owner.namingClass : owner.className;
            SubLayerSpec spec = null;
            for (SubLayerSpec s : namer.subLayers(ownerClass, ownerConfig,
                    owner.config == null ? null : owner.config.buildConfig())) {
                if (s.attribute().equals(sub.key())) {
                    spec = s;
                }
            }
            if (spec != null) {
                part.className = spec.className();
                part.namingClass = spec.className();
                part.namingConfig = parse(spec.configJson());
                if (attrName == null && spec.name() != null) {
                    part.name = spec.name();
                }
            } else {
                subLayerFromConfig(part, ownerClass, ownerConfig, sub.key());
            }
            if (part.className != null) {
                part.kind = LayerKind.LAYER;
            }
        }
        return part;
    }

    /** Without the catalog: the sub-layer's class from the owner's config where it says so. */
    private static void subLayerFromConfig(Draft part, String ownerClass, JsonNode ownerConfig,
                                           String key) {
        JsonNode env = null;
        if (ownerConfig != null) {
            env = switch (key) {
                case "forward_layer" -> ownerConfig.get("layer");
                case "backward_layer" -> ownerConfig.has("backward_layer")
                        ? ownerConfig.get("backward_layer") : ownerConfig.get("layer");
                default -> ownerConfig.get(key);
            };
        }
        if (env != null && env.isObject() && env.path("class_name").isTextual()) {
            part.className = env.get("class_name").asText();
            part.namingClass = part.className;
            part.namingConfig = env.path("config");
        } else if (key.equals("cell") && ownerClass != null) {
            part.className = ownerClass + "Cell";
            part.namingClass = part.className;
            part.namingConfig = ownerConfig;
        } else if (KNOWN_SUBLAYER_CLASSES.containsKey(key)) {
            part.className = KNOWN_SUBLAYER_CLASSES.get(key);
            part.namingClass = part.className;
        }
    }

    private void addOptimizer(Draft root) {
        weights.find("optimizer").ifPresent(opt -> {
            opt.group("vars").ifPresent(vars -> {
                if (claimed.add(vars.path())) {
                    Draft d = new Draft();
                    d.name = vars.stringAttribute("name") != null ? vars.stringAttribute("name")
                            : "optimizer";
                    d.className = optimizerClass(root);
                    d.kind = LayerKind.OPTIMIZER;
                    d.group = opt;
                    root.children.add(d);
                    collectParts(d, opt);
                }
            });
        });
    }

    private static String optimizerClass(Draft root) {
        if (root.config != null) {
            JsonNode opt = root.config.envelope().path("compile_config").path("optimizer");
            if (opt.path("class_name").isTextual()) {
                return opt.get("class_name").asText();
            }
            if (opt.isTextual()) {
                return opt.asText();
            }
        }
        return "Optimizer";
    }

    /** Every vars group with datasets that nothing claimed, shown under the root. */
    private void addOrphans(Draft root) {
        List<H5Group> orphans = new ArrayList<>();
        findOrphans(weights, orphans);
        for (H5Group g : orphans) {
            Draft d = new Draft();
            H5Group vars = g.group("vars").orElseThrow();
            claimed.add(vars.path());
            d.name = vars.stringAttribute("name") != null ? vars.stringAttribute("name") : g.path();
            d.kind = LayerKind.WEIGHTS_GROUP;
            d.group = g;
            root.children.add(d);
        }
    }

    private void findOrphans(H5Group g, List<H5Group> out) {
        for (H5Group c : g.groups()) {
            H5Group vars = c.group("vars").orElse(null);
            if (vars != null && !claimed.contains(vars.path()) && !vars.datasets().isEmpty()) {
                out.add(c);
            }
            if (!c.key().equals("vars")) {
                findOrphans(c, out);
            }
        }
    }

    private void nameVariables(Draft d) {
        if (d.group != null) {
            H5Group vars = d.group == weights && d.config == null
                    ? weights.group("vars").orElse(null) : d.group.group("vars").orElse(null);
            if (vars != null) {
                if (vars.problem() != null && d.problem == null) {
                    d.problem = "weights group '" + vars.path() + "' is " + vars.problem();
                }
                for (H5Group broken : vars.groups()) {
                    if (broken.problem() != null && d.problem == null) {
                        d.problem = "variable '" + broken.path() + "' is " + broken.problem();
                    }
                }
                List<String> keys = new ArrayList<>();
                for (H5Dataset ds : vars.datasets()) {
                    keys.add(ds.key());
                }
                String cls = d.namingClass != null ? d.namingClass : d.className;
                JsonNode cfg = d.namingConfig != null ? d.namingConfig
                        : d.config == null ? null : d.config.config();
                boolean frozen = d.config != null && d.config.frozen();
                List<VariableNamer.Named> names = d.kind == LayerKind.OPTIMIZER
                        || d.kind == LayerKind.WEIGHTS_GROUP && d.namingClass == null
                        ? indexNames(keys) : namer.names(cls, cfg,
                        d.config == null ? null : d.config.buildConfig(), keys, frozen);
                for (int i = 0; i < vars.datasets().size(); i++) {
                    H5Dataset ds = vars.datasets().get(i);
                    d.variables.add(new VariableInfo(names.get(i).name(), ds.shape(), ds.dtype(),
                            ds.byteSize(), d.kind != LayerKind.OPTIMIZER && names.get(i).trainable(),
                            ds.path(), weightsFileKey));
                }
            }
        }
        for (Draft c : d.children) {
            nameVariables(c);
        }
    }

    private static List<VariableNamer.Named> indexNames(List<String> keys) {
        List<VariableNamer.Named> out = new ArrayList<>();
        for (String k : keys) {
            out.add(new VariableNamer.Named(k, true));
        }
        return out;
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return KerasJson.parse(json);
        } catch (Exception e) {
            return null;
        }
    }

    static String join(String a, String b) {
        return a.isEmpty() ? b : a + "/" + b;
    }
}
