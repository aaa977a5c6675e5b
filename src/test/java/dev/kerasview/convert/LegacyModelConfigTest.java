package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.config.KerasJson;
import dev.kerasview.formats.OpenModel;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The legacy model_config and to_json() forms against what Keras wrote for each fixture. */
class LegacyModelConfigTest {

    static Stream<String> fixtures() {
        return Fixtures.WITH_KERAS_H5.stream().filter(f -> !f.equals("bfloat16"));
    }

    private static JsonNode kerasConfig(String name) throws Exception {
        try (OpenModel m = JhdfModelSource.open(Fixtures.file(name, ".keras"), null)) {
            return KerasJson.parse(m.model().configJson());
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void modelConfigEqualsKerasOwnLegacyAttribute(String name) throws Exception {
        JsonNode mine = LegacyModelConfig.modelConfig(kerasConfig(name));
        JsonNode keras;
        try (OpenModel h5 = JhdfModelSource.open(Fixtures.file(name, ".h5"), null)) {
            keras = KerasJson.parse(h5.model().configJson());
        }
        assertEquals(KnownDifferences.config(name, keras), KnownDifferences.config(name, mine));
        // Same text, too: Keras writes json.dumps output, key order included.
        if (!name.equals("lambda") && !name.equals("vae_ok")) {
            assertEquals(KerasJson.toPythonJson(keras), KerasJson.toPythonJson(mine));
        }
    }

    @Test
    void registeredSubclassedModelKeepsItsPackageAtTheTop() throws Exception {
        JsonNode mine = LegacyModelConfig.modelConfig(kerasConfig("vae_ok"));
        assertEquals("vae>VAEOk", mine.path("class_name").asText());
    }

    @Test
    void trainingConfigEqualsKerasOwnForACompiledModel() throws Exception {
        for (String name : new String[] {"compiled_trained", "vae_ok"}) {
            JsonNode mine = LegacyModelConfig.trainingConfig(kerasConfig(name));
            try (OpenModel h5 = JhdfModelSource.open(Fixtures.file(name, ".h5"), null)) {
                JsonNode keras = KerasJson.parse(h5.model().trainingConfigJson());
                assertEquals(KerasJson.toPythonJson(keras), KerasJson.toPythonJson(mine), name);
            }
        }
    }

    @Test
    void uncompiledModelHasNoTrainingConfig() throws Exception {
        assertNull(LegacyModelConfig.trainingConfig(kerasConfig("mlp")));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void jsonFormEqualsKerasToJson(String name) throws Exception {
        JsonNode mine = LegacyModelConfig.stripSharedIds(kerasConfig(name));
        JsonNode keras = KerasJson.parse(Files.readString(Fixtures.file(name, ".json")));
        ObjectNode m = (ObjectNode) KnownDifferences.config(name, mine);
        ObjectNode k = (ObjectNode) KnownDifferences.config(name, keras);
        // Keras's .json of a re-loaded compiled model lost the optimizer from compile_config
        // (so it then compiles with RMSprop); the converter keeps the model's real optimizer.
        if (k.path("compile_config").isObject() && !k.path("compile_config").has("optimizer")) {
            ((ObjectNode) m.path("compile_config")).remove("optimizer");
        }
        assertEquals(k, m);
    }
}
