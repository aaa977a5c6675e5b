package dev.kerasview.convert;

import dev.kerasview.formats.LegacyNames;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.VariableInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the weights of a legacy file ({@code model_weights} of a full-model .h5, or a
 * {@code save_weights} file) as Keras's legacy loader does: the layers named by
 * {@code layer_names}, each layer's weights in its {@code weight_names} order.
 */
final class LegacyWeightPlanner {

    /** The plan of {@code model}'s legacy weights; layers without weights are kept, empty. */
    WeightPlan plan(ModelFile model) throws ConversionException {
        H5Group store = model.weights();
        H5Group base = store == null ? null
                : LegacyNames.read(store, "layer_names") != null ? store
                : store.group("model_weights").orElse(null);
        List<String> layerNames = base == null ? null : LegacyNames.read(base, "layer_names");
        if (layerNames == null) {
            throw new ConversionException(model.file().getFileName() + " has no legacy weights: no layer_names "
                    + "attribute in " + (store == null ? "the file" : "/" + store.path()));
        }
        Map<String, VariableInfo> known = new HashMap<>();
        if (model.root() != null) {
            collect(model.root(), known);
        }
        List<PlannedLayer> layers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String name : layerNames) {
            H5Group g = base.group(name).orElse(null);
            if (g == null) {
                layers.add(new PlannedLayer(name, null, null, null,
                        "its group " + join(base.path(), name) + " named in layer_names is missing", List.of()));
                continue;
            }
            List<String> weightNames = LegacyNames.read(g, "weight_names");
            List<PlannedWeight> weights = new ArrayList<>();
            String missing = null;
            for (String w : weightNames == null ? List.<String>of() : weightNames) {
                H5Dataset d = g.findDataset(w).orElse(null);
                if (d == null) {
                    missing = "its weight " + w + " named in weight_names is not in the file";
                    break;
                }
                VariableInfo v = known.getOrDefault(d.path(),
                        new VariableInfo(d.key(), d.shape(), d.dtype(), d.byteSize(), true, d.path(), null));
                weights.add(new PlannedWeight(w, v, true));
            }
            layers.add(new PlannedLayer(name, null, g.path(), null, missing, weights));
        }
        return new WeightPlan(layers, null, List.of(), notes, List.of());
    }

    private static void collect(LayerNode node, Map<String, VariableInfo> out) {
        node.variables().forEach(v -> out.put(v.path(), v));
        node.children().forEach(c -> collect(c, out));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "/" + b;
    }
}
