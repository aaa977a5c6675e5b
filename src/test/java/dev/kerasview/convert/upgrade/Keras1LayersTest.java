package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keras 1 layers no corpus file has (Merge, Embedding, th-ordered Convolution2D, Keras 1 regularizer and
 * constraint dicts), on configs written by hand after Keras 1.2.2's get_config (src/test/resources/upgrade/keras1).
 */
class Keras1LayersTest {

    private static final Path DIR = Path.of("src/test/resources/upgrade/keras1");

    @Test
    void keras1MergeConcatBecomesConcatenateInAFunctionalModel() throws Exception {
        Path file = DIR.resolve("merge_functional.json");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        JsonNode layers = up.config().path("config").path("layers");
        JsonNode merge = layers.get(5);
        assertEquals("Concatenate", merge.path("class_name").asText());
        assertEquals(-1, merge.path("config").path("axis").asInt());
        JsonNode embedding = layers.get(1).path("config");
        assertEquals(100, embedding.path("input_dim").asInt(), "Embedding's input_dim is its vocabulary size");
        assertEquals("int32", layers.get(0).path("config").path("dtype").asText());
        JsonNode dense = layers.get(4).path("config");
        assertEquals("L1L2", dense.path("kernel_regularizer").path("class_name").asText());
        assertEquals(0.01, dense.path("kernel_regularizer").path("config").path("l2").asDouble());
        assertEquals("MaxNorm", dense.path("kernel_constraint").path("class_name").asText());
        OracleTruth.read(UpgradeTestSupport.stem(file)).assertKerasRebuilt(up.config());
    }

    @Test
    void keras1ChannelsFirstConvolutionKernelIsTransposed() throws Exception {
        Path file = DIR.resolve("conv_th_sequential.json");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        JsonNode conv = up.config().path("config").path("layers").get(1);
        assertEquals("Conv2D", conv.path("class_name").asText());
        assertEquals("channels_first", conv.path("config").path("data_format").asText());
        assertEquals("[3,3]", conv.path("config").path("kernel_size").toString());
        // Keras 1 stored (filters, channels, rows, cols); Keras 3 wants (rows, cols, channels, filters)
        WeightRecipe expected = new WeightRecipe(List.of(
                new WeightPart(List.of(0), 0, false, new int[] {2, 3, 1, 0}), WeightPart.copy(1)));
        assertEquals(expected, up.recipes().get("convolution2d_1"));
        assertTrue(OracleTruth.read(UpgradeTestSupport.stem(file)).weights()
                .contains("convolution2d_1 Conv2D [3, 3, 1, 4];[4]"));
        OracleTruth.read(UpgradeTestSupport.stem(file)).assertKerasRebuilt(up.config());
    }
}
