package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.TestEnvironment;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.config.KerasJson;
import dev.kerasview.formats.ModelReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Converts every Keras-loadable fixture .keras and compares the result with the files Keras
 * itself wrote for the same model, as read by h5py; h5dump must open every output.
 */
class ConverterTest {

    @TempDir
    Path dir;

    static Stream<String> fixtures() {
        return Fixtures.WITH_KERAS_H5.stream();
    }

    private ConversionResult convert(String name, ConversionTarget target, WeightsFormat format) throws Exception {
        Path input = dir.resolve(name + ".keras");
        Files.copy(Fixtures.file(name, ".keras"), input);
        return CheckedConversion.run(new Converter(ModelReader::open, null, new LayerCatalog()),
                new ConversionRequest(input, null, target, format, null, false, false));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void h5OutputEqualsKerasOwnLegacyFile(String name) throws Exception {
        ReferenceTools.assumeH5py();
        ConversionResult r = convert(name, ConversionTarget.H5, WeightsFormat.LEGACY);
        Path out = r.written().get(0);
        assertEquals(dir.resolve(name + ".h5"), out);
        JsonNode mine = ReferenceTools.summary(out, "legacy");
        JsonNode keras = ReferenceTools.summary(Fixtures.file(name, ".h5"), "legacy");
        assertEquals(keras.get("root_attrs"), mine.get("root_attrs"), "root attributes and their string types");
        assertEquals(KnownDifferences.config(name, keras.get("model_config")),
                KnownDifferences.config(name, mine.get("model_config")), "model_config");
        assertEquals(keras.get("training_config"), mine.get("training_config"), "training_config");
        assertWeightsEqual(name, keras.get("model_weights"), mine.get("model_weights"));
        JsonNode kerasOpt = keras.get("optimizer_weights");
        JsonNode myOpt = mine.get("optimizer_weights");
        assertEquals(kerasOpt == null, myOpt == null, "optimizer_weights present in both or neither");
        if (kerasOpt != null) {
            assertEquals(KnownDifferences.optimizerNames(name, strings(kerasOpt.get("weight_names"))),
                    strings(myOpt.get("weight_names")));
            assertEquals(kerasOpt.get("weights"), myOpt.get("weights"), "optimizer tensors");
        }
        assertH5dumpOpens(out);
        if (kerasLoadedItsOwnH5(name)) {
            try (var opened = ModelReader.open(out, null)) {
                var d = new dev.kerasview.diagnose.Diagnoser().diagnose(opened.model());
                assertTrue(d.loads(), "Keras loaded its own " + name + ".h5; the diagnoser must predict it "
                        + "loads the converted one too: " + d.errors());
            }
        }
    }

    /** Whether the ground truth records Keras 3.15.1 loading its own .h5 of the fixture. */
    private static boolean kerasLoadedItsOwnH5(String name) throws Exception {
        return Files.readAllLines(Fixtures.ROOT.resolve("GROUND_TRUTH_INDEX.tsv")).stream()
                .map(l -> l.split("\t"))
                .anyMatch(c -> c.length >= 6 && c[3].equals(name + ".h5 --predict") && c[5].equals("OK"));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void jsonWithLegacyWeightsEqualsKerasOwnJsonAndWeights(String name) throws Exception {
        ReferenceTools.assumeH5py();
        ConversionResult r = convert(name, ConversionTarget.JSON, WeightsFormat.LEGACY);
        assertEquals(List.of(dir.resolve(name + ".json"), dir.resolve(name + "_weights.h5")), r.written());
        JsonNode mine = KerasJson.parse(Files.readString(r.written().get(0)));
        JsonNode keras = KerasJson.parse(Files.readString(Fixtures.file(name, ".json")));
        ObjectNode m = (ObjectNode) KnownDifferences.config(name, mine);
        ObjectNode k = (ObjectNode) KnownDifferences.config(name, keras);
        // Keras's .json of a re-loaded compiled model lost the optimizer from compile_config
        // (Keras then compiles it with RMSprop); the converter keeps the model's real optimizer.
        if (k.path("compile_config").isObject() && !k.path("compile_config").has("optimizer")) {
            ((ObjectNode) m.path("compile_config")).remove("optimizer");
        }
        assertEquals(k, m, "the JSON architecture");
        JsonNode weights = ReferenceTools.summary(r.written().get(1), "legacy");
        // Keras's own legacy weights file exists for mlp; for the others the same layout sits
        // under model_weights of Keras's .h5.
        Path reference = name.equals("mlp") ? Fixtures.ROOT.resolve("mlp/mlp_weights.h5") : Fixtures.file(name, ".h5");
        JsonNode kerasWeights = ReferenceTools.summary(reference, "legacy").get("model_weights");
        assertWeightsEqual(name, kerasWeights, weights.get("model_weights"));
        if (name.equals("mlp")) {
            assertEquals(ReferenceTools.summary(reference, "legacy").get("root_attrs"), weights.get("root_attrs"));
        }
        assertH5dumpOpens(r.written().get(1));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void jsonWithKeras3WeightsEqualsKerasOwnWeightsFile(String name) throws Exception {
        ReferenceTools.assumeH5py();
        ConversionResult r = convert(name, ConversionTarget.JSON, WeightsFormat.KERAS);
        assertEquals(List.of(dir.resolve(name + ".json"), dir.resolve(name + ".weights.h5")), r.written());
        JsonNode mine = ReferenceTools.summary(r.written().get(1), "keras3");
        JsonNode keras = ReferenceTools.summary(Fixtures.file(name, ".weights.h5"), "keras3");
        assertEquals(keras.get("groups"), mine.get("groups"), "groups and their name attributes");
        assertEquals(keras.get("datasets"), mine.get("datasets"), "datasets: shapes, dtypes, bytes, attributes");
        assertH5dumpOpens(r.written().get(1));
    }

    private static void assertWeightsEqual(String name, JsonNode keras, JsonNode mine) {
        assertEquals(keras.get("layer_names"), mine.get("layer_names"), "layer_names");
        assertEquals(keras.get("layer_names_type"), mine.get("layer_names_type"), "layer_names string type");
        assertEquals(keras.get("backend_type"), mine.get("backend_type"));
        assertEquals(keras.get("keras_version_type"), mine.get("keras_version_type"));
        keras.get("layers").fields().forEachRemaining(e -> {
            JsonNode kl = e.getValue();
            JsonNode ml = mine.get("layers").get(e.getKey());
            assertEquals(KnownDifferences.weightNames(name, e.getKey(), strings(kl.get("weight_names"))),
                    strings(ml.get("weight_names")), "weight_names of " + e.getKey());
            assertEquals(kl.get("weight_names_type"), ml.get("weight_names_type"), "weight_names type of " + e.getKey());
            assertEquals(widened(kl.get("weights")), ml.get("weights"), "shapes, dtypes and bytes of " + e.getKey());
        });
    }

    /**
     * Keras's legacy reader cannot read the bfloat16 datasets Keras's own legacy writer makes
     * ("No cast function available"); the converter writes them widened to float32, exactly.
     * Expected: Keras's entry with the float32 dtype and the hash of the widened bytes.
     */
    private static JsonNode widened(JsonNode kerasWeights) {
        JsonNode out = kerasWeights.deepCopy();
        for (JsonNode w : out) {
            if ("|V2".equals(w.path("dtype").asText())) {
                ((ObjectNode) w).put("dtype", "<f4");
                ((ObjectNode) w).put("sha256", w.path("widened_sha256").asText());
            }
            ((ObjectNode) w).remove("widened_sha256");
        }
        return out;
    }

    private static void assertH5dumpOpens(Path file) {
        if (TestEnvironment.h5dump().isEmpty()) {
            TestEnvironment.skipped("the h5dump check: h5dump is not installed (apt-get install hdf5-tools)");
            return;
        }
        ReferenceTools.Result r = ReferenceTools.h5dumpHeader(file);
        assertEquals(0, r.exit(), "h5dump -H " + file + ": " + r.err());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
