package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Theano-trained convolution kernels are flipped; the same config from TensorFlow needs nothing. */
class TheanoKernelsTest {

    private static final Path FILE = Path.of("src/test/resources/upgrade/keras2/theano_conv_sequential.json");

    @Test
    void theanoConvolutionKernelIsFlippedAndItsBiasCopied() throws Exception {
        JsonNode config = KerasJson.parse(Files.readString(FILE));
        UpgradedConfig up = new ConfigUpgrader().upgrade(config, new SourceInfo("2.1.3", "theano"));
        WeightRecipe expected = new WeightRecipe(List.of(
                new WeightPart(List.of(0), 0, true, null), WeightPart.copy(1)));
        assertEquals(expected, up.recipes().get("conv2d_1"));
        assertEquals(1, up.recipes().size(), "Dense kernels are not flipped");
        OracleTruth.read(UpgradeTestSupport.stem(FILE)).assertKerasRebuilt(up.config());
    }

    @Test
    void tensorflowConvolutionKernelNeedsNoRecipe() throws Exception {
        JsonNode config = KerasJson.parse(Files.readString(FILE));
        UpgradedConfig up = new ConfigUpgrader().upgrade(config, new SourceInfo("2.1.3", "tensorflow"));
        assertTrue(up.recipes().isEmpty());
    }
}
