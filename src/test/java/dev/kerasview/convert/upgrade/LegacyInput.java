package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.ModelFile;
import java.nio.file.Path;

/** A legacy model file read the way the converter reads it: its model config, training config and origin. */
record LegacyInput(JsonNode modelConfig, JsonNode trainingConfig, SourceInfo source) {

    static LegacyInput read(Path file) throws Exception {
        try (OpenModel open = ModelReader.open(file, null)) {
            ModelFile mf = open.model();
            JsonNode training = mf.trainingConfigJson() == null ? null : KerasJson.parse(mf.trainingConfigJson());
            return new LegacyInput(KerasJson.parse(mf.configJson()), training,
                    new SourceInfo(mf.kerasVersion(), mf.backend()));
        }
    }
}
