package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.config.KerasJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A config Keras 3.15.1 wrote itself (to_json) comes out unchanged: only the root's compile_config is left to the converter. */
class Keras3PassThroughTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attention/attention.json", "bfloat16/bfloat16.json", "cnn/cnn.json",
            "compiled_trained/compiled_trained.json", "custom_layer/custom_layer.json", "deep_cnn/deep_cnn.json",
            "functional_nested/functional_nested.json", "gru_reset/gru_reset.json", "mixed/mixed.json",
            "mlp/mlp.json", "rnn/rnn.json", "shared_weights_functional/shared_weights_functional.json",
            "vae_ok/vae_ok.json"})
    void keras3ToJsonPassesThroughUnchanged(String fixture) throws Exception {
        Path file = Corpus.fixture(fixture);
        JsonNode written = withoutSharedIds(KerasJson.parse(Files.readString(file)));
        ((ObjectNode) written).remove("compile_config");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        assertEquals(written, up.config());
        assertTrue(up.recipes().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phishing_url/model.h5", "ntu_fashion/fashion_mnist.h5", "ml_int/your_model.h5"})
    void keras3LegacyH5ConfigsThatLoadAlreadyStillRebuild(String corpusFile) throws Exception {
        // these load in Keras 3.15.1 already; the upgrade must not break them
        Path file = Corpus.file(corpusFile);
        OracleTruth.read(UpgradeTestSupport.stem(file)).assertKerasRebuilt(UpgradeTestSupport.upgrade(file).config());
    }

    private static JsonNode withoutSharedIds(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).remove("shared_object_id");
        }
        node.forEach(Keras3PassThroughTest::withoutSharedIds);
        return node;
    }
}
