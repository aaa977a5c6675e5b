package dev.kerasview.diagnose;

import dev.kerasview.formats.LegacyNames;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keras's order-based legacy weight loading ({@code load_weights_from_hdf5_group}, §6.4): layers
 * with weights are paired with saved layer groups by position; counts, shapes and element types
 * must agree. Names only appear in the messages.
 */
final class LegacyWeightsCheck {

    private final Set<String> droppedAxis;

    /** @param droppedAxis layers whose multi-element {@code axis} the legacy loader drops */
    LegacyWeightsCheck(Set<String> droppedAxis) {
        this.droppedAxis = droppedAxis;
    }

    List<Finding> check(List<Saveable> layers, H5Group group) {
        List<Finding> out = new ArrayList<>();
        List<String> layerNames = LegacyNames.read(group, "layer_names");
        if (layerNames == null) {
            out.add(Finding.error(FindingCode.NO_LAYER_NAMES)
                    .path(group.path())
                    .message("The weights file has no 'layer_names' attribute: it is not a legacy "
                            + "weights file.")
                    .cause("Keras sends files without the '.weights.h5' suffix to "
                            + "its legacy loader, which needs the legacy layout.")
                    .remedies(Remedies.RENAME)
                    .build());
            return out;
        }
        List<Saveable> filtered = new ArrayList<>();
        List<LegacyWeights> expected = new ArrayList<>();
        for (Saveable layer : layers) {
            LegacyWeights w = LegacyWeights.of(layer);
            int count = w.known() ? w.weights().size() : savedCount(group, layer.name());
            if (count > 0) {
                filtered.add(layer);
                expected.add(w);
            }
        }
        List<String> saved = new ArrayList<>();
        for (String name : layerNames) {
            Optional<H5Group> g = group.group(name);
            List<String> weightNames = g.map(x -> LegacyNames.read(x, "weight_names"))
                    .orElse(null);
            if (weightNames != null && !weightNames.isEmpty()) {
                saved.add(name);
            }
        }
        if (saved.size() != filtered.size()) {
            out.add(Finding.error(FindingCode.LAYER_COUNT)
                    .path(group.path()).expected((long) filtered.size())
                    .found((long) saved.size())
                    .message("Layer count mismatch when loading weights from file. Model expected "
                            + filtered.size() + " layers, found " + saved.size()
                            + " saved layers.")
                    .cause("The legacy loader pairs layers by position, and the model Keras "
                            + "rebuilds has a different number of layers with weights than the "
                            + "file.")
                    .remedies(Remedies.RESAVE)
                    .build());
            return out;
        }
        for (int k = 0; k < saved.size(); k++) {
            Finding f = layer(k, filtered.get(k), expected.get(k), group, saved.get(k));
            if (f != null) {
                out.add(f);
                break;
            }
        }
        return out;
    }

    private Finding layer(int k, Saveable layer, LegacyWeights expected, H5Group group,
                          String savedName) {
        H5Group g = group.group(savedName).orElseThrow();
        List<String> weightNames = LegacyNames.read(g, "weight_names");
        List<H5Dataset> values = new ArrayList<>();
        for (String w : weightNames) {
            values.add(g.findDataset(w).orElse(null));
        }
        String path = g.path();
        if (expected.known() && expected.weights().size() != values.size()) {
            return Finding.error(FindingCode.WEIGHT_COUNT)
                    .layer(layer.name()).className(layer.className()).path(path)
                    .expected((long) expected.weights().size()).found((long) values.size())
                    .message("Weight count mismatch for layer #" + k + " (named " + layer.name()
                            + " in the current model, " + savedName + " in the save file). Layer "
                            + "expects " + expected.weights().size() + " weight(s). Received "
                            + values.size() + " saved weight(s)")
                    .cause("The rebuilt layer creates a different number of weights than the file "
                            + "stores for the layer at the same position.")
                    .remedies(Remedies.RESAVE)
                    .build();
        }
        for (int i = 0; i < values.size(); i++) {
            H5Dataset d = values.get(i);
            if (d == null) {
                continue;
            }
            if (expected.known()) {
                LegacyWeights.Weight w = expected.weights().get(i);
                List<Long> shape = w.shape();
                if (shape == null && droppedAxis.contains(layer.name()) && !d.shape().isEmpty()) {
                    shape = List.of(d.shape().get(d.shape().size() - 1));
                }
                if (shape != null && !shape.equals(d.shape())) {
                    boolean quirk = droppedAxis.contains(layer.name());
                    return Finding.error(FindingCode.SHAPE_MISMATCH)
                            .layer(layer.name()).className(layer.className()).path(d.path())
                            .expected(shape).found(d.shape())
                            .message("Shape mismatch in layer #" + k + " (named " + layer.name()
                                    + ")for weight " + w.path() + ". Weight expects shape "
                                    + PythonShapes.tuple(shape) + ". Received saved weight with "
                                    + "shape " + PythonShapes.tuple(d.shape()))
                            .cause(quirk ? "Keras's legacy .h5 loader drops an 'axis' list of more "
                                    + "than one element from the layer config, so the layer comes "
                                    + "back normalising only the last axis; the file itself is "
                                    + "correct."
                                    : "The rebuilt layer's weight has another shape than the "
                                    + "one stored at the same position.")
                            .remedies(quirk ? List.of("Load the .keras form of the model, or its "
                                    + "JSON architecture with these weights (model_from_json keeps "
                                    + "the axis list): kerasview convert FILE --to keras, or --to json.")
                                    : List.of(Remedies.RESAVE))
                            .build();
                }
            }
            if ("opaque".equals(d.dtype()) || "bfloat16".equals(d.dtype())) {
                return Finding.error(FindingCode.UNREADABLE_DTYPE)
                        .layer(layer.name()).className(layer.className()).path(d.path())
                        .found(d.dtype())
                        .message("No cast function available.")
                        .cause("The legacy loader reads bfloat16 weights (stored as 2-byte opaque "
                                + "data) as raw bytes it cannot convert.")
                        .remedies("kerasview convert FILE --to keras writes the .keras form, which "
                                + "tags bfloat16 data; --to h5 writes the weights as float32, exactly.",
                                "Load the .keras or .weights.h5 form of the model if you have it.")
                        .build();
            }
        }
        return null;
    }

    private static int savedCount(H5Group group, String name) {
        if (name == null) {
            return 0;
        }
        return group.group(name).map(g -> LegacyNames.read(g, "weight_names"))
                .map(List::size).orElse(0);
    }
}
