package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.formats.LegacyNames;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Legacy loading: {@code load_model} of a legacy .h5 (legacy deserializer, order-based weights,
 * re-compile from training_config) and {@code load_weights} of a legacy weights file into a model
 * rebuilt from JSON.
 */
final class LegacyDiagnosis {

    private final LayerCatalog catalog;
    private final LayerArguments arguments;

    LegacyDiagnosis(LayerCatalog catalog, LayerArguments arguments) {
        this.catalog = catalog;
        this.arguments = arguments;
    }

    /** A legacy .h5 full model: config, then weights, then compile. */
    List<Finding> fullModel(JsonNode modelConfig, JsonNode trainingConfig, H5Group file) {
        LegacyConfig legacy = new LegacyConfig(catalog, arguments);
        JsonNode config = legacy.apply(modelConfig);
        List<Finding> findings = new ArrayList<>(legacy.findings());
        if (hasError(findings)) {
            return findings;
        }
        H5Group weights = file.group("model_weights").orElse(null);
        if (weights != null) {
            findings.addAll(weights(config, weights, legacy.droppedAxis()));
            if (hasError(findings)) {
                return findings;
            }
        }
        if (trainingConfig == null) {
            findings.add(Finding.info(FindingCode.NOT_COMPILED)
                    .message("No training configuration found in the save file, so the model was "
                            + "*not* compiled. Compile it manually.")
                    .cause("The file was saved from a model that was not compiled.")
                    .build());
        } else {
            findings.addAll(LegacyCompile.check(trainingConfig));
        }
        return findings;
    }

    /** Legacy-layout weights loaded into a model rebuilt from a Keras 3 config. */
    List<Finding> weights(JsonNode config, H5Group weights, Set<String> droppedAxis) {
        Saveable model = new ObjectGraph(catalog).model(new Envelope(config), null);
        if (model.type() == Saveable.Type.LAYER) {
            // A subclassed model's `layers` list is built by the person's __init__, which the file
            // does not describe: the positional pairing can only be checked by running that code.
            return List.of(subclassedPairing(model, weights));
        }
        List<Saveable> layers = new ArrayList<>();
        for (Saveable.Attribute a : model.attributes()) {
            if (a.name().equals("layers") && a.value() instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Saveable s) {
                        layers.add(s);
                    }
                }
            }
        }
        List<Finding> out = new ArrayList<>(new LegacyWeightsCheck(droppedAxis).check(layers, weights));
        if (!hasError(out)) {
            out.addAll(LoraScaleCheck.check(config, weights));
        }
        return out;
    }

    private static Finding subclassedPairing(Saveable model, H5Group weights) {
        List<String> names = LegacyNames.read(weights, "layer_names");
        long saved = names == null ? 0 : names.stream()
                .map(n -> weights.group(n).map(g -> LegacyNames.read(g, "weight_names")))
                .filter(w -> w.isPresent() && w.get() != null && !w.get().isEmpty())
                .count();
        return Finding.warning(FindingCode.LEGACY_ORDER_UNCHECKED)
                .layer(model.name()).className(model.className()).path(weights.path())
                .found(saved)
                .message("The file holds " + saved + " layers with weights; Keras pairs them, in "
                        + "order, with the layers with weights that the class " + model.className()
                        + " creates.")
                .cause("The model is a subclassed model: the list of its layers comes from its "
                        + "Python code, not from the file, so the pairing cannot be checked here.")
                .remedies("Load it with the same class code that saved it; if the class changed, "
                        + "rebuild the model in code and load the weights by name "
                        + "(model.load_weights(path, by_name=True)).")
                .build();
    }

    private static boolean hasError(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
