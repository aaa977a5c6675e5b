package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.catalog.LayerArgumentTable;
import java.util.ArrayList;
import java.util.List;

/** Rewrites a Keras 1/2/tf.keras/Keras-3-legacy model config into the config.json form Keras 3.15.1 writes. */
public final class ConfigUpgrader {

    private final LayerArgumentTable arguments = new LayerArgumentTable();

    public ConfigUpgrader() {
    }

    /**
     * @param modelConfig the h5 {@code model_config} attribute or a {@code to_json()} file, parsed:
     *                    {@code {"class_name": ..., "config": ...}}
     * @param source      what the file says about the Keras version and backend that wrote it
     */
    public UpgradedConfig upgrade(JsonNode modelConfig, SourceInfo source) throws UpgradeRefusedException {
        UpgradeRun run = new UpgradeRun(source, modelConfig != null && modelConfig.has("module"), arguments);
        ObjectNode config = new LayerUpgrader(run).model(modelConfig);
        LambdaReplacement.apply(config, run.notes);
        return new UpgradedConfig(config, null, run.notes, run.recipes, new ArrayList<>(run.customNames));
    }

    /**
     * A Keras 3 compile_config translated from a legacy h5 {@code training_config}, or null when it cannot be
     * translated exactly; then a note says that the compile information is dropped.
     */
    public JsonNode upgradeTraining(JsonNode trainingConfig, List<String> notes) {
        return new TrainingConfig(notes).translate(trainingConfig);
    }
}
