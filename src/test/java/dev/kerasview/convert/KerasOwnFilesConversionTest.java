package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.TestEnvironment;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.diagnose.Diagnoser;
import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.model.FindingCode;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files Keras 3.15.1 writes and then cannot read (fixtures-modern/README.md): diagnose says so
 * (an error, or for lora.h5 the silent LoRA warning), {@code convert --to keras} writes a file
 * diagnose passes, and real Keras's load of that output (the committed convert-truth) predicts
 * exactly what the source model predicted (its recorded in-memory prediction, or Keras's load
 * of the same model's readable .keras).
 */
class KerasOwnFilesConversionTest {

    private static final Path MODERN = Path.of("src/test/resources/fixtures-modern");

    @TempDir
    Path dir;

    /** Source, weights (or null), the oracle's truth of its conversion, the source's prediction record. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("quant_int8_mha/quant_int8_mha.keras", null,
                        "quant_int8_mha.keras.to-keras", "quant_int8_mha/quant_int8_mha.original-predict.txt"),
                Arguments.of("quant_int8_mha/quant_int8_mha.h5", null,
                        "quant_int8_mha.h5.to-keras", "quant_int8_mha/quant_int8_mha.original-predict.txt"),
                Arguments.of("quant_int8_mha/quant_int8_mha.json", "quant_int8_mha/quant_int8_mha.weights.h5",
                        "quant_int8_mha.weights.h5.to-keras", "quant_int8_mha/quant_int8_mha.original-predict.txt"),
                Arguments.of("quant_float8/quant_float8.h5", null,
                        "quant_float8.h5.to-keras", "quant_float8/quant_float8.keras.keras-3.15.1.txt"),
                Arguments.of("lora/lora.h5", null, "lora.h5.to-keras", "lora/lora.original-predict.txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theConvertedFileLoadsAndPredictsWhatTheSourceModelDid(String source, String weights,
            String convertTruth, String record) throws Exception {
        Path in = MODERN.resolve(source);
        Path w = weights == null ? null : MODERN.resolve(weights);
        Diagnoser diagnoser = new Diagnoser();
        Diagnosis before = diagnoser.diagnose(in, w);
        assertTrue(!before.loads() || before.findings().stream()
                        .anyMatch(f -> f.code() == FindingCode.LORA_ALPHA_RESET),
                source + ": diagnose must report what goes wrong in Keras: " + before.findings());

        Path out = dir.resolve("out.keras");
        ConversionResult r = CheckedConversion.run(new Converter(ModelReader::open,
                        OutputDiagnosis.diagnoser(), new LayerCatalog()),
                new ConversionRequest(in, w, ConversionTarget.KERAS, WeightsFormat.LEGACY, out, false, false));
        assertEquals(List.of(out), r.written());
        Diagnosis after = diagnoser.diagnose(out, null);
        assertTrue(after.loads(), "the output must load: " + after.findings());
        assertFalse(after.findings().stream().anyMatch(f -> f.code() == FindingCode.LORA_ALPHA_RESET));

        assertWeightsAreKerasOwn(out, MODERN.resolve(source.substring(0, source.indexOf('/'))));

        Path truth = ConvertedOutputTruthTest.TRUTHS.resolve(convertTruth + ".keras-3.15.1.txt");
        assertTrue(Files.readAllLines(truth).stream().anyMatch(l -> l.startsWith("OK ")),
                "Keras 3.15.1 loaded the output: " + truth);
        assertEquals(prediction(MODERN.resolve(record)), prediction(truth),
                "Keras's prediction from the converted file against the source model's");
    }

    /**
     * The output's model.weights.h5 holds what Keras's own .keras of the same model holds
     * (datasets with their bytes, groups, name attributes), and h5dump and jhdf open it.
     */
    private void assertWeightsAreKerasOwn(Path out, Path caseDir) throws Exception {
        Path mine = extract(out, dir.resolve("mine.weights.h5"));
        Path keras = extract(caseDir.resolve(caseDir.getFileName() + ".keras"),
                dir.resolve("keras.weights.h5"));
        JsonNode m = ReferenceTools.summary(mine, "keras3");
        JsonNode k = ReferenceTools.summary(keras, "keras3");
        assertEquals(k.get("datasets"), m.get("datasets"), "datasets: paths, shapes, dtypes, bytes, attributes");
        assertEquals(k.get("groups"), m.get("groups"), "groups and their name attributes");
        TestEnvironment.assumeH5dump();
        assertEquals(0, ReferenceTools.h5dumpHeader(mine).exit(), "h5dump opens the weights");
        try (HdfFile f = new HdfFile(mine)) {
            assertTrue(f.getChildren().containsKey("vars"), "jhdf reads the model's own vars group");
        }
    }

    private static Path extract(Path archive, Path to) throws IOException {
        try (ZipFile z = new ZipFile(archive.toFile());
             var in = z.getInputStream(z.getEntry("model.weights.h5"))) {
            Files.copy(in, to);
        }
        return to;
    }

    /** The {@code predict[0]: shape=[...] sum=...} of a record, from "predict[0]:" on. */
    private static String prediction(Path record) throws IOException {
        return Files.readAllLines(record).stream().filter(l -> l.contains("predict[0]:"))
                .map(l -> l.substring(l.indexOf("predict[0]:"))).findFirst()
                .orElseThrow(() -> new AssertionError("no prediction in " + record));
    }
}
