package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.config.KerasJson;
import dev.kerasview.convert.upgrade.ConfigUpgrader;
import dev.kerasview.convert.upgrade.SourceInfo;
import dev.kerasview.convert.upgrade.UpgradeRefusedException;
import dev.kerasview.convert.upgrade.UpgradedConfig;
import dev.kerasview.model.ModelFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The Keras 3 config of a legacy file, upgraded from whatever Keras wrote it, with its compile information. */
final class LegacyConfigUpgrade implements ConfigUpgrade {

    @Override
    public KerasConfigSource upgrade(JsonNode legacyRoot, ModelFile model) throws ConversionException {
        ConfigUpgrader upgrader = new ConfigUpgrader();
        UpgradedConfig upgraded;
        try {
            upgraded = upgrader.upgrade(legacyRoot, new SourceInfo(model.kerasVersion(), model.backend()));
        } catch (UpgradeRefusedException e) {
            throw new ConversionRefusedException(ConversionRefusal.NO_EXACT_FORM, e.getMessage());
        }
        List<String> notes = new ArrayList<>(upgraded.notes());
        ObjectNode config = upgraded.config().deepCopy();
        JsonNode compile = upgraded.compileConfig();
        if (compile == null && model.trainingConfigJson() != null) {
            try {
                compile = upgrader.upgradeTraining(KerasJson.parse(model.trainingConfigJson()), notes);
            } catch (IOException e) {
                notes.add("the training configuration is not valid JSON and is left out: the model loads uncompiled");
            }
        }
        if (compile != null) {
            config.set("compile_config", compile);
        }
        return new KerasConfigSource(config, notes, upgraded.recipes());
    }
}
