package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arguments Keras 3 removed: dropped when their value is the old no-op default. */
class RemovedArgumentsTest {

    @Test
    void lstmTimeMajorFalseIsDropped() throws Exception {
        // Keras 3.15.1: "Unrecognized keyword arguments passed to LSTM: {'time_major': False}"
        Path file = Corpus.file("ai_expo/model2.h5");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        JsonNode lstm = up.config().path("config").path("layers").get(1).path("config");
        assertFalse(lstm.has("time_major"));
        assertFalse(lstm.has("implementation"));
        assertFalse(lstm.has("batch_input_shape"));
        assertTrue(up.notes().stream().anyMatch(n -> n.contains("time_major")), up.notes().toString());
        OracleTruth.read(UpgradeTestSupport.stem(file)).assertKerasRebuilt(up.config());
    }

    @Test
    void depthwiseConvGroupsOneIsDropped() throws Exception {
        // Keras 3.15.1: "Unrecognized keyword arguments passed to DepthwiseConv2D: {'groups': 1}"
        Path file = Corpus.file("teachable_machine/keras_model.h5");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        List<JsonNode> depthwise = up.config().findParents("class_name").stream()
                .filter(n -> "DepthwiseConv2D".equals(n.path("class_name").asText())).toList();
        assertEquals(17, depthwise.size());
        depthwise.forEach(d -> assertFalse(d.path("config").has("groups"), d.path("name").asText()));
        assertEquals(17, up.notes().stream().filter(n -> n.contains("dropped groups=1")).count());
    }

    @Test
    void attentionScoreModeStaysTheStringKeras3Takes() throws Exception {
        // Keras 3.15.1's legacy-h5 loader turns score_mode 'dot' into a function; the config.json form does not
        Path file = Corpus.file("dl4j/keras-attention.h5");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        JsonNode attention = up.config().path("config").path("layers").get(2);
        assertEquals("Attention", attention.path("class_name").asText());
        assertEquals("dot", attention.path("config").path("score_mode").asText());
        OracleTruth.read(UpgradeTestSupport.stem(file)).assertKerasRebuilt(up.config());
    }
}
