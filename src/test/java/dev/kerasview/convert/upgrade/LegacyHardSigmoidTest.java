package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keras 1/2's hard_sigmoid, clip(0.2x + 0.5, 0, 1), becomes a Sequential of Rescaling and ReLU that Keras 3
 * builds from its own classes. That Keras 3.15.1 loads these outputs is in convert-truth (three of these
 * files); that they predict exactly what the old formula does was checked with convert-truth/check_hard_sigmoid.py.
 */
class LegacyHardSigmoidTest {

    @ParameterizedTest(name = "{0}: {1} of {2}")
    @CsvSource({
            "dl4j/simple_lstm_tf_keras_1_model.h5, recurrent_activation, lstm_1",
            "dl4j/simple_lstm_th_keras_1_model.h5, recurrent_activation, lstm_1",
            "dl4j/simple_lstm_tf_keras_2_model.h5, recurrent_activation, lstm_1",
            "dl4j/masking_zero_lstm.h5, recurrent_activation, lstm_1",
            "kerasimporttests/pollution_tensorflow.h5, recurrent_activation, lstm_1"})
    void keras2HardSigmoidIsSpelledOutExactly(String file, String key, String layer) throws Exception {
        UpgradedConfig up = UpgradeTestSupport.upgrade(Corpus.file(file));
        JsonNode activation = layerConfig(up.config(), layer).get(key);
        assertEquals("Sequential", activation.path("class_name").asText(), activation.toString());
        JsonNode layers = activation.path("config").path("layers");
        assertEquals(2, layers.size());
        JsonNode rescaling = layers.get(0);
        assertEquals("Rescaling", rescaling.path("class_name").asText());
        assertEquals(0.2, rescaling.path("config").path("scale").asDouble());
        assertEquals(0.5, rescaling.path("config").path("offset").asDouble());
        JsonNode relu = layers.get(1);
        assertEquals("ReLU", relu.path("class_name").asText());
        assertEquals(1.0, relu.path("config").path("max_value").asDouble());
        assertEquals(0.0, relu.path("config").path("negative_slope").asDouble());
        assertEquals(0.0, relu.path("config").path("threshold").asDouble());
        assertTrue(up.notes().stream().anyMatch(n -> n.contains("'" + layer + "'") && n.contains("hard_sigmoid")),
                up.notes().toString());
    }

    @Test
    void aConfigWithoutAKerasVersionIsTakenAsKeras1Or2() throws Exception {
        // a Keras 1 config without its version: not in Keras 3's form, so it predates Keras 3
        LegacyInput in = LegacyInput.read(Corpus.file("dl4j/simple_lstm_tf_keras_1_config.json"));
        UpgradedConfig up = new ConfigUpgrader().upgrade(in.modelConfig(), new SourceInfo(null, null));
        assertEquals("Sequential", layerConfig(up.config(), "lstm_1").path("recurrent_activation")
                .path("class_name").asText());
    }

    @Test
    void keras3HardSigmoidStaysKeras3s() throws Exception {
        // Keras 3.15.1's own rnn fixture with its GRU set to hard_sigmoid: in a Keras 3 file the name
        // means Keras 3's formula, so it is kept as it is
        String json = Files.readString(Corpus.FIXTURES.resolve("rnn/rnn.json"))
                .replace("\"recurrent_activation\": \"sigmoid\"", "\"recurrent_activation\": \"hard_sigmoid\"");
        assertTrue(json.contains("hard_sigmoid"));
        UpgradedConfig up = new ConfigUpgrader().upgrade(KerasJson.parse(json), new SourceInfo("3.15.1", "numpy"));
        List<JsonNode> values = up.config().findValues("recurrent_activation");
        assertFalse(values.isEmpty());
        values.forEach(v -> assertEquals("hard_sigmoid", v.asText(), v.toString()));
    }

    private static JsonNode layerConfig(JsonNode model, String name) {
        for (JsonNode layer : model.findValues("layers")) {
            for (JsonNode l : layer) {
                if (name.equals(l.path("config").path("name").asText())) {
                    return l.path("config");
                }
            }
        }
        throw new AssertionError("no layer " + name + " in " + model);
    }
}
