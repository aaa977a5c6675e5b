package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Initializers, regularizers, constraints and dtypes in Keras 3's envelopes, with Keras 3's defaults. */
class NestedObjectsTest {

    @Test
    void keras2VarianceScalingBecomesKeras3EnvelopeWithDefaults() throws Exception {
        Path file = Corpus.file("kerasimporttests/iris_theano.h5");
        JsonNode dense = UpgradeTestSupport.upgrade(file).config().path("config").path("layers").get(1).path("config");
        JsonNode init = dense.path("kernel_initializer");
        assertEquals("keras.initializers", init.path("module").asText());
        assertEquals("VarianceScaling", init.path("class_name").asText());
        assertEquals("fan_avg", init.path("config").path("mode").asText());
        assertTrue(init.path("config").has("input_axes"), init.toString());
        assertTrue(init.has("registered_name") && init.get("registered_name").isNull());
        assertEquals("DTypePolicy", dense.path("dtype").path("class_name").asText());
        OracleTruth.read(UpgradeTestSupport.stem(file)).assertKerasRebuilt(
                UpgradeTestSupport.upgrade(file).config());
    }

    @Test
    void keras2NormalDistributionIsWrittenAsTruncatedNormal() throws Exception {
        Path file = Corpus.file("dl4j/simple_lstm_tf_keras_2_model.h5");
        UpgradedConfig up = UpgradeTestSupport.upgradeWithSigmoid(file);
        JsonNode lstm = up.config().path("config").path("layers").get(1).path("config");
        assertEquals("Orthogonal", lstm.path("recurrent_initializer").path("class_name").asText());
        OracleTruth.read(Corpus.truthStem(file, true)).assertKerasRebuilt(up.config());
    }

    @Test
    void keras3BfloatPoliciesPassThrough() throws Exception {
        Path file = Corpus.fixture("bfloat16/bfloat16.h5");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        OracleTruth.read(UpgradeTestSupport.stem(file)).assertKerasRebuilt(up.config());
    }
}
