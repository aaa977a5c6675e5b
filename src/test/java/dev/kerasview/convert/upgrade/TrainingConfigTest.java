package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.config.KerasJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Legacy h5 training_config translated into the compile_config Keras 3 writes. */
class TrainingConfigTest {

    private static JsonNode compile(Path file, List<String> notes) throws Exception {
        LegacyInput in = LegacyInput.read(file);
        return new ConfigUpgrader().upgradeTraining(in.trainingConfig(), notes);
    }

    @Test
    void keras3TrainingConfigBecomesTheCompileConfigKerasWroteItself() throws Exception {
        // Keras 3.15.1's legacy loader: "Could not deserialize 'keras.metrics.mse' because it is not a KerasSaveable"
        JsonNode compile = compile(Corpus.fixture("compiled_trained/compiled_trained.h5"), new ArrayList<>());
        JsonNode own;
        try (ZipFile zip = new ZipFile(Corpus.fixture("compiled_trained/compiled_trained.keras").toFile())) {
            own = KerasJson.parse(zip.getInputStream(zip.getEntry("config.json")).readAllBytes()).get("compile_config");
        }
        ((ObjectNode) own.get("optimizer")).remove("shared_object_id");
        assertEquals(own, compile);
    }

    @Test
    void keras3AutoencoderCompilesWithMseLoss() throws Exception {
        Path file = Corpus.file("anomaly_agent/anomaly_detector_autoencoder.h5");
        JsonNode compile = compile(file, new ArrayList<>());
        assertEquals("mse", compile.path("loss").asText());
        assertEquals("Adam", compile.path("optimizer").path("class_name").asText());
        assertTrue(OracleTruth.read(UpgradeTestSupport.stem(file)).compiled());
    }

    @Test
    void tfKerasCustomAdamAndAccuracyWrapperBecomeKeras3Names() throws Exception {
        Path file = Corpus.file("ai_expo/model2.h5");
        JsonNode compile = compile(file, new ArrayList<>());
        assertEquals("keras.optimizers", compile.path("optimizer").path("module").asText());
        assertEquals("Adam", compile.path("optimizer").path("class_name").asText());
        assertTrue(!compile.path("optimizer").path("config").has("is_legacy_optimizer"));
        assertEquals("[\"acc\"]", compile.path("metrics").toString());
        assertTrue(OracleTruth.read(UpgradeTestSupport.stem(file)).compiled());
    }

    @Test
    void keras2LrAndZeroDecayBecomeLearningRate() throws Exception {
        Path file = Corpus.file("kerasimporttests/iris_tensorflow.h5");
        JsonNode optimizer = compile(file, new ArrayList<>()).path("optimizer").path("config");
        assertEquals(0.0010000000474974513, optimizer.path("learning_rate").asDouble());
        assertTrue(!optimizer.has("lr") && !optimizer.has("decay"), optimizer.toString());
        assertEquals("adam", optimizer.path("name").asText());
    }

    @Test
    void legacyLossObjectBecomesKeras3LossEnvelope() throws Exception {
        // Keras 3.15.1's own legacy loader compiles this file with exactly this loss
        Path file = Corpus.file("phishing_url/model.h5");
        JsonNode loss = compile(file, new ArrayList<>()).path("loss");
        assertEquals("{\"module\":\"keras.losses\",\"class_name\":\"BinaryCrossentropy\",\"config\":{\"name\":"
                + "\"binary_crossentropy\",\"reduction\":\"sum_over_batch_size\",\"from_logits\":false,"
                + "\"label_smoothing\":0.0,\"axis\":-1},\"registered_name\":null}", loss.toString());
        assertTrue(OracleTruth.read(UpgradeTestSupport.stem(file)).compiled());
    }

    @Test
    void anUntranslatableTrainingConfigIsDroppedWithANote() throws Exception {
        JsonNode training = KerasJson.parse("{\"loss\": \"mse\", \"optimizer_config\": {\"class_name\": \"SGD\","
                + " \"config\": {\"lr\": 0.1, \"decay\": 0.01}}}");
        List<String> notes = new ArrayList<>();
        assertNull(new ConfigUpgrader().upgradeTraining(training, notes));
        assertTrue(notes.get(0).contains("decay") && notes.get(0).contains("uncompiled"), notes.toString());
    }
}
