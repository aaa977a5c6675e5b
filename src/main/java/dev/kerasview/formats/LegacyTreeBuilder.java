package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.LayerConfig;
import dev.kerasview.config.SnakeCase;
import dev.kerasview.hdf5.NumpyDtype;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the layer tree of a legacy layout ({@code layer_names} / {@code weight_names}): one
 * group per layer, datasets resolved through {@code weight_names}, paired by layer name.
 */
final class LegacyTreeBuilder {

    private final H5Group file;
    private final H5Group layerRoot;
    private final VariableNamer namer;
    private final String weightsFileKey;
    private final Set<String> usedGroups = new HashSet<>();

    /**
     * @param file      the whole HDF5 structure
     * @param layerRoot the group holding one group per layer ({@code model_weights}, or the root)
     */
    LegacyTreeBuilder(H5Group file, H5Group layerRoot, VariableNamer namer, String weightsFileKey) {
        this.file = file;
        this.layerRoot = layerRoot;
        this.namer = namer;
        this.weightsFileKey = weightsFileKey;
    }

    LayerNode build(JsonNode modelEnvelope) {
        LayerConfig root = new LayerConfig(modelEnvelope);
        Draft d = fromConfig(root);
        if (d.name.isEmpty()) {
            d.name = SnakeCase.of(String.valueOf(d.className));
        }
        attachTopLevel(d);
        addOrphans(d);
        addOptimizer(d);
        return d.toNode(TreeFigures.of(modelEnvelope, d));
    }

    /** Without a config: one node per name in {@code layer_names}. */
    LayerNode buildWithoutConfig(String name) {
        Draft d = new Draft();
        d.name = name;
        d.className = "Model";
        d.kind = LayerKind.MODEL;
        List<String> names = LegacyNames.read(layerRoot, "layer_names");
        if (names != null) {
            for (String n : names) {
                Draft c = new Draft();
                c.name = n;
                c.kind = LayerKind.WEIGHTS_GROUP;
                d.children.add(c);
                layerRoot.group(n).ifPresent(g -> attachLayer(c, g, null));
            }
        }
        addOrphans(d);
        return d.toNode();
    }

    private Draft fromConfig(LayerConfig lc) {
        boolean builtIn = namer.isBuiltIn(lc.className(), lc.module(), lc.registeredName());
        LayerKind kind = lc.hasLayerList() ? LayerKind.MODEL
                : lc.isInputLayer() ? LayerKind.INPUT
                : lc.isLambda() ? LayerKind.LAMBDA
                : builtIn ? LayerKind.LAYER : LayerKind.CUSTOM;
        Draft d = Draft.of(lc, kind, null);
        if (lc.hasLayerList()) {
            for (LayerConfig child : lc.layers()) {
                if (lc.isSequential() && child.isInputLayer()) {
                    continue;
                }
                d.children.add(fromConfig(child));
            }
        }
        return d;
    }

    private void attachTopLevel(Draft model) {
        for (Draft c : model.children) {
            layerRoot.group(c.name).ifPresent(g -> attachLayer(c, g, c.config));
        }
        layerRoot.group("top_level_model_weights").ifPresent(g -> attachLayer(model, g, model.config));
    }

    /** Reads the layer group's weights and gives them to the layer (or its nested layers). */
    private void attachLayer(Draft d, H5Group g, LayerConfig lc) {
        usedGroups.add(g.path());
        d.group = g;
        if (g.problem() != null) {
            d.problem = "weights group '" + g.path() + "' is " + g.problem();
        }
        List<String> weightNames = LegacyNames.read(g, "weight_names");
        if (weightNames == null) {
            return;
        }
        String policy = lc == null ? null : lc.dtypePolicy();
        Map<String, Boolean> trainable = lc == null ? Map.of()
                : namer.trainableByName(lc.className(), lc.config(), lc.buildConfig());
        List<VariableInfo> vars = new ArrayList<>();
        for (String wn : weightNames) {
            String path = g.path() + "/" + wn;
            Optional<H5Dataset> ds = dataset(path);
            String rel = LegacyNames.relative(wn, d.name);
            if (ds.isEmpty()) {
                d.problem = "weight '" + wn + "' listed in weight_names has no dataset at '"
                        + path + "'";
                continue;
            }
            H5Dataset x = ds.get();
            String dtype = x.dtype();
            if (NumpyDtype.OPAQUE.equals(dtype) && x.byteSize() == x.shape().stream()
                    .reduce(1L, (a, b) -> a * b) * 2 && policy != null && policy.contains("bfloat16")) {
                dtype = NumpyDtype.BFLOAT16;
            }
            vars.add(new VariableInfo(rel, x.shape(), dtype, x.byteSize(),
                    trainable.getOrDefault(rel, true), path, weightsFileKey));
        }
        distribute(d, vars);
    }

    /** A nested model's group holds all its layers' weights: hand each to the layer it names. */
    private void distribute(Draft d, List<VariableInfo> vars) {
        for (VariableInfo v : vars) {
            Draft target = d;
            String name = v.name();
            boolean moved = true;
            while (moved && target.kind == LayerKind.MODEL) {
                moved = false;
                int slash = name.indexOf('/');
                if (slash < 0) {
                    break;
                }
                Draft hit = descendant(target, name.substring(0, slash));
                if (hit != null) {
                    target = hit;
                    name = name.substring(slash + 1);
                    moved = true;
                }
            }
            target.variables.add(new VariableInfo(name, v.shape(), v.dtype(), v.byteSize(),
                    v.trainable() && !(target.config != null && target.config.frozen()),
                    v.path(), v.file()));
        }
    }

    /**
     * The layer of that name inside a model, looking through nested models too: Keras 2 names
     * the weights of a model nested in a model by the innermost layer only.
     */
    private static Draft descendant(Draft model, String name) {
        for (Draft c : model.children) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        for (Draft c : model.children) {
            if (c.kind == LayerKind.MODEL) {
                Draft d = descendant(c, name);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private Optional<H5Dataset> dataset(String path) {
        int slash = path.lastIndexOf('/');
        Optional<H5Group> parent = file.find(path.substring(0, slash));
        String key = path.substring(slash + 1);
        return parent.flatMap(p -> p.datasets().stream().filter(x -> x.key().equals(key)).findFirst());
    }

    private void addOrphans(Draft model) {
        for (H5Group g : layerRoot.groups()) {
            if (usedGroups.contains(g.path()) || g.key().equals("top_level_model_weights")
                    || g.key().equals("model_weights") || g.key().equals("optimizer_weights")) {
                continue;
            }
            List<String> wn = LegacyNames.read(g, "weight_names");
            if ((wn != null && !wn.isEmpty()) || g.problem() != null) {
                Draft o = new Draft();
                o.name = g.key();
                o.kind = LayerKind.WEIGHTS_GROUP;
                model.children.add(o);
                attachLayer(o, g, null);
            }
        }
    }

    private void addOptimizer(Draft model) {
        file.group("optimizer_weights").ifPresent(g -> {
            Draft o = new Draft();
            o.name = "optimizer";
            o.className = "Optimizer";
            o.kind = LayerKind.OPTIMIZER;
            o.group = g;
            List<String> wn = LegacyNames.read(g, "weight_names");
            if (wn != null) {
                for (String n : wn) {
                    String path = g.path() + "/" + n;
                    dataset(path).ifPresent(x -> o.variables.add(new VariableInfo(
                            n.endsWith(":0") ? n.substring(0, n.length() - 2) : n, x.shape(),
                            x.dtype(), x.byteSize(), false, path, weightsFileKey)));
                }
            }
            model.children.add(o);
        });
    }
}
