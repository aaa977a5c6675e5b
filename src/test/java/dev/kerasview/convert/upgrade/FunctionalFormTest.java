package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keras 2 functional models ({@code Model}, no module keys) in Keras 3's Functional envelope. */
class FunctionalFormTest {

    @Test
    void keras2ModelJsonBecomesKeras3Functional() throws Exception {
        // Keras 3.15.1: "Could not locate class 'Model'"
        Path file = Corpus.file("hls4ml_examples/KERAS_3layer.json");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        JsonNode root = up.config();
        assertEquals("keras.src.models.functional", root.path("module").asText());
        assertEquals("Functional", root.path("class_name").asText());
        assertEquals("Functional", root.path("registered_name").asText());
        JsonNode layer = root.path("config").path("layers").get(1);
        assertEquals("keras.layers", layer.path("module").asText());
        assertEquals(layer.path("config").path("name"), layer.path("name"));
        OracleTruth.read(UpgradeTestSupport.stem(file)).assertKerasRebuilt(root);
    }

    @Test
    void keras3LegacyH5FunctionalKeepsItsKeras3Nodes() throws Exception {
        // written by Keras 3.15.1, whose own legacy-h5 loader fails on it (LayerNormalization axis [1, 2])
        Path file = Corpus.fixture("gru_reset/gru_reset.h5");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        JsonNode gru = up.config().path("config").path("layers").get(1);
        assertEquals("__keras_tensor__", gru.path("inbound_nodes").get(0).path("args").get(0).path("class_name").asText());
        OracleTruth.read(UpgradeTestSupport.stem(file)).assertKerasRebuilt(up.config());
    }
}
