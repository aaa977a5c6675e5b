package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.config.KerasJson;
import dev.kerasview.diagnose.Diagnoser;
import dev.kerasview.formats.ModelReader;
import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code convert --to keras}: the written archive is compared with the {@code .keras} Keras 3.15.1
 * itself wrote for the same model (entries, weights tree, tensors, name attributes), opened by
 * Python's zipfile with its CRC check, h5py, h5dump and jhdf, and replayed by the load walk.
 */
class KerasArchiveConversionTest {

    @TempDir
    Path dir;

    static Stream<String> fixtures() {
        return Fixtures.WITH_KERAS_H5.stream();
    }

    private ConversionResult convert(Path input) throws Exception {
        return convert(input, true);
    }

    private ConversionResult convert(Path input, boolean allowCustomCode) throws Exception {
        return CheckedConversion.run(new Converter(ModelReader::open, OutputDiagnosis.diagnoser(), new LayerCatalog()),
                new ConversionRequest(input, null, ConversionTarget.KERAS, WeightsFormat.LEGACY,
                        dir.resolve("out.keras"), false, false, allowCustomCode));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void kerasArchiveRoundTripEqualsKerasOwnArchive(String name) throws Exception {
        ReferenceTools.assumeH5py();
        Path input = dir.resolve(name + ".keras");
        Files.copy(Fixtures.file(name, ".keras"), input);
        if (name.equals("lambda")) {
            // Its Python lambda becomes a Rescaling (LambdaConversionTest checks it against Keras), so the
            // output differs from Keras's own archive by design; it loads in safe mode.
            ConversionResult r = convert(input);
            assertTrue(r.verification().verdict().loads(), "the output loads in safe mode");
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("Lambda 'affine_lambda'")), r.notes().toString());
            return;
        }
        Path out = convert(input).written().get(0);
        assertArchiveMatchesKeras(name, out);
        assertEquals(config(Fixtures.file(name, ".keras")), config(out), "config.json is carried over unchanged");
    }

    @Test
    void zipEntriesAreStoredAndPassPythonsCrcCheck() throws Exception {
        ReferenceTools.assumeH5py();
        Path input = dir.resolve("mlp.keras");
        Files.copy(Fixtures.file("mlp", ".keras"), input);
        Path out = convert(input).written().get(0);
        ReferenceTools.Result r = ReferenceTools.run(List.of(ReferenceTools.python(), "-c",
                "import zipfile,sys,json\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n"
                        + "print(json.dumps([[i.filename, i.compress_type] for i in z.infolist()]))\n"
                        + "m=json.loads(z.read('metadata.json'))\nassert m['keras_version']=='3.15.1', m\n",
                out.toString()));
        assertEquals(0, r.exit(), r.err());
        assertEquals("[[\"metadata.json\", 0], [\"config.json\", 0], [\"model.weights.h5\", 0]]", r.out().strip());
    }

    @Test
    void outputNeedingThePersonsClassesIsRefusedUnlessAllowedAndNamesThem() throws Exception {
        Path input = dir.resolve("custom_layer.keras");
        Files.copy(Fixtures.file("custom_layer", ".keras"), input);
        ConversionRefusedException e = assertThrows(ConversionRefusedException.class, () -> convert(input, false));
        assertEquals(ConversionRefusal.NEEDS_CUSTOM_CODE, e.reason());
        assertTrue(e.getMessage().contains("ScaledDense"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out.keras")), "nothing may be written");
        ConversionResult r = convert(input, true);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("ScaledDense")), "the result names the class: "
                + r.notes());
    }

    @Test
    void weightsOnlyFileIsRefusedNamingWhatItNeeds() throws Exception {
        Path input = dir.resolve("mlp.weights.h5");
        Files.copy(Fixtures.file("mlp", ".weights.h5"), input);
        ConversionRefusedException e = assertThrows(ConversionRefusedException.class, () -> convert(input));
        assertEquals(ConversionRefusal.NO_CONFIG, e.reason());
        assertTrue(e.getMessage().contains("architecture"), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(input), files.toList(), "nothing may be written");
        }
    }

    @Test
    void weightsOnlyFileNamesTheArchitectureBesideIt() throws Exception {
        // Keras 3.15.1's own pair: mlp.json (model.to_json()) and mlp.weights.h5 (save_weights)
        Path weights = Files.copy(Fixtures.file("mlp", ".weights.h5"), dir.resolve("mlp.weights.h5"));
        Path json = Files.copy(Fixtures.file("mlp", ".json"), dir.resolve("mlp.json"));
        ConversionRefusedException e = assertThrows(ConversionRefusedException.class, () -> convert(weights));
        assertEquals(ConversionRefusal.NO_CONFIG, e.reason());
        assertTrue(e.getMessage().contains("kerasview convert mlp.json --weights mlp.weights.h5 --to keras"),
                e.getMessage());
        // and the command it gives works
        ConversionResult r = new Converter(ModelReader::open, OutputDiagnosis.diagnoser(), new LayerCatalog()).convert(
                new ConversionRequest(json, weights, ConversionTarget.KERAS, WeightsFormat.LEGACY,
                        dir.resolve("mlp.keras"), false, false, false),
                ConversionProgress.NONE, CancellationToken.NEVER);
        assertEquals(List.of(dir.resolve("mlp.keras")), r.written());
    }

    /** The archive's weights equal Keras's own, and every independent reader opens them. */
    private void assertArchiveMatchesKeras(String name, Path out) throws Exception {
        Path mine = extract(out, dir.resolve(name + "-mine.weights.h5"));
        Path keras = extract(Fixtures.file(name, ".keras"), dir.resolve(name + "-keras.weights.h5"));
        JsonNode m = ReferenceTools.summary(mine, "keras3");
        JsonNode k = ReferenceTools.summary(keras, "keras3");
        assertEquals(k.get("datasets"), m.get("datasets"), "datasets: paths, shapes, dtypes, bytes, attributes");
        assertEquals(k.get("groups"), m.get("groups"), "groups and their name attributes");
        dev.kerasview.TestEnvironment.assumeH5dump();
        assertEquals(0, ReferenceTools.h5dumpHeader(mine).exit(), "h5dump opens the weights");
        try (HdfFile f = new HdfFile(mine)) {
            assertTrue(f.getChildren().containsKey("vars"), "jhdf reads the model's own vars group");
        }
        try (var opened = ModelReader.open(out, null)) {
            assertTrue(new Diagnoser().diagnose(opened.model()).loads(), "the load walk accepts the output");
        }
    }

    private static Path extract(Path archive, Path to) throws Exception {
        try (ZipFile z = new ZipFile(archive.toFile()); var in = z.getInputStream(z.getEntry("model.weights.h5"))) {
            Files.copy(in, to);
        }
        return to;
    }

    private static JsonNode config(Path archive) throws Exception {
        try (ZipFile z = new ZipFile(archive.toFile()); var in = z.getInputStream(z.getEntry("config.json"))) {
            return KerasJson.parse(in.readAllBytes());
        }
    }
}
