package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keras 1/2 list-form Sequential configs, and the InputLayer made from a first layer's declared shape. */
class SequentialFormTest {

    @Test
    void keras2ListFormSequentialBecomesKeras3SequentialWithInputLayer() throws Exception {
        // Keras 3.15.1 refuses the file itself: "pop expected at most 1 argument, got 2"
        Path file = Corpus.file("kerasimporttests/iris_tensorflow.h5");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        JsonNode root = up.config();
        assertEquals("keras", root.get("module").asText());
        assertEquals("Sequential", root.get("class_name").asText());
        JsonNode input = root.path("config").path("layers").get(0);
        assertEquals("InputLayer", input.get("class_name").asText());
        assertEquals("[null,4]", input.path("config").path("batch_shape").toString());
        assertEquals("layer1_input", input.path("config").path("name").asText());
        assertEquals("[null,4]", root.path("build_config").path("input_shape").toString());
        OracleTruth.read(UpgradeTestSupport.stem(file)).assertKerasRebuilt(root);
    }

    @Test
    void keras1JsonSequentialKeepsItsOwnInputLayer() throws Exception {
        // Keras 3.15.1: "Expected 'config' to be a dict for Sequential"
        Path file = Corpus.file("dl4j/model.json");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        JsonNode layers = up.config().path("config").path("layers");
        assertEquals("input_1", layers.get(0).path("config").path("name").asText());
        assertEquals("float32", layers.get(0).path("config").path("dtype").asText());
        assertEquals("InputLayer", layers.get(0).path("class_name").asText());
        assertEquals("Dense", layers.get(1).path("class_name").asText());
        OracleTruth.read(UpgradeTestSupport.stem(file)).assertKerasRebuilt(up.config());
    }

    @Test
    void nestedSequentialsAroundMobileNetRebuildInKeras3() throws Exception {
        Path file = Corpus.file("teachable_machine/keras_model.h5");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        JsonNode inner = up.config().path("config").path("layers").get(1);
        assertEquals("Sequential", inner.path("class_name").asText());
        JsonNode mobileNet = inner.path("config").path("layers").get(1);
        assertEquals("Functional", mobileNet.path("class_name").asText());
        // one output written as a bare triple, or the next layer receives a list of one tensor
        assertEquals("[\"out_relu\",0,0]", mobileNet.path("config").path("output_layers").toString());
        OracleTruth.read(UpgradeTestSupport.stem(file)).assertKerasRebuilt(up.config());
    }
}
