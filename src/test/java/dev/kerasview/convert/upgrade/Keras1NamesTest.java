package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keras 1 argument names (output_dim, init, inner_init, consume_less, ...) in Keras 3's spelling. */
class Keras1NamesTest {

    @Test
    void keras1DenseArgumentsBecomeKeras3Names() throws Exception {
        Path file = Corpus.file("dl4j/model.json");
        JsonNode dense = UpgradeTestSupport.upgrade(file).config().path("config").path("layers").get(1).path("config");
        assertEquals(256, dense.path("units").asInt());
        assertEquals("GlorotUniform", dense.path("kernel_initializer").path("class_name").asText());
        assertEquals("keras.initializers", dense.path("kernel_initializer").path("module").asText());
        assertTrue(dense.path("use_bias").asBoolean());
        for (String old : new String[] {"output_dim", "init", "W_regularizer", "b_constraint", "bias", "input_dim"}) {
            assertFalse(dense.has(old), old);
        }
    }

    @Test
    void keras1LstmArgumentsBecomeKeras3NamesAndKerasRebuildsThem() throws Exception {
        // the file's hard_sigmoid is refused (see ChangedActivationsTest); with sigmoid the other rules show
        Path file = Corpus.file("dl4j/simple_lstm_th_keras_1_model.h5");
        UpgradedConfig up = UpgradeTestSupport.upgradeWithSigmoid(file);
        JsonNode lstm = up.config().path("config").path("layers").get(1).path("config");
        assertEquals(50, lstm.path("units").asInt());
        assertEquals("Orthogonal", lstm.path("recurrent_initializer").path("class_name").asText());
        assertEquals(0.2, lstm.path("dropout").asDouble());
        assertTrue(lstm.path("unit_forget_bias").asBoolean());
        assertFalse(lstm.has("consume_less"));
        assertTrue(up.notes().stream().anyMatch(n -> n.contains("consume_less")), up.notes().toString());
        OracleTruth.read(Corpus.truthStem(file, true)).assertKerasRebuilt(up.config());
    }

    @Test
    void keras1JsonWithWeightsFileRebuildsInKeras3() throws Exception {
        Path file = Corpus.file("dl4j/simple_lstm_tf_keras_1_config.json");
        UpgradedConfig up = UpgradeTestSupport.upgradeWithSigmoid(file);
        OracleTruth.read(Corpus.truthStem(file, true)).assertKerasRebuilt(up.config());
    }
}
