package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.ModelFile;
import java.nio.file.Path;

/** A legacy model file read the way the converter reads it: its model config, training config and origin. */
record LegacyInput(JsonNode modelConfig, JsonNode trainingConfig, SourceInfo source) {

    /**
     * The same file with every 'hard_sigmoid' activation replaced by 'sigmoid': Keras 3's hard_sigmoid differs
     * from Keras 1/2's, so the upgrader refuses those files; this edit lets tests reach their other rules.
     */
    LegacyInput withSigmoid() throws Exception {
        String text = KerasJson.toPythonJson(modelConfig).replace("\"hard_sigmoid\"", "\"sigmoid\"");
        return new LegacyInput(KerasJson.parse(text), trainingConfig, source);
    }

    static LegacyInput read(Path file) throws Exception {
        try (OpenModel open = ModelReader.open(file, null)) {
            ModelFile mf = open.model();
            JsonNode training = mf.trainingConfigJson() == null ? null : KerasJson.parse(mf.trainingConfigJson());
            return new LegacyInput(KerasJson.parse(mf.configJson()), training,
                    new SourceInfo(mf.kerasVersion(), mf.backend()));
        }
    }
}
