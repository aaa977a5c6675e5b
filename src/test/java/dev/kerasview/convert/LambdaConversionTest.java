package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.TestEnvironment;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.diagnose.Diagnoser;
import dev.kerasview.formats.ModelReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lambda layers stored as Python bytecode: {@code convert --to keras} replaces those computing plain float32
 * arithmetic by built-in layers. Real Keras 3.15.1 loaded each output in safe mode (the committed
 * convert-truth) and predicted what the source model predicted: Keras's own unsafe load of the Keras 3 sources,
 * or for the Keras 2.0.9 / Python 2.7 files, NumPy on their stored weights (lambda-models/*.original-predict.txt).
 */
class LambdaConversionTest {

    private static final Path MODELS = Path.of("src/test/resources/lambda-models");
    private static final Path FIXTURE = Fixtures.ROOT.resolve("lambda");

    @TempDir
    Path dir;

    /** Source, weights or null, convert-truth file, the source's prediction record, a layer line of the truth. */
    static Stream<Arguments> cases() {
        String unsafe = "lambda.keras.keras-3.15.1-unsafe.txt";
        return Stream.of(
                Arguments.of("fixture:lambda.keras", null, "lambda.keras.to-keras", "fixture:" + unsafe,
                        "affine_lambda  Rescaling"),
                Arguments.of("fixture:lambda.h5", null, "lambda.h5.to-keras", "fixture:" + unsafe,
                        "affine_lambda  Rescaling"),
                Arguments.of("fixture:lambda.json", "fixture:lambda.weights.h5", "lambda.weights.h5.to-keras",
                        "fixture:" + unsafe, "affine_lambda  Rescaling"),
                Arguments.of("corpus:model_lambda.h5", null, "model_lambda.h5.to-keras",
                        "models:model_lambda.h5.original-predict.txt", "lambda_3  Multiply"),
                Arguments.of("corpus:sequential_lambda.h5", null, "sequential_lambda.h5.to-keras",
                        "models:sequential_lambda.h5.original-predict.txt", "lambda_2  Rescaling"),
                Arguments.of("models:lambda_seq.keras", null, "lambda_seq.keras.to-keras",
                        "models:lambda_seq.keras.keras-3.15.1-unsafe.txt", "flip  Rescaling"),
                Arguments.of("models:lambda_merge.keras", null, "lambda_merge.keras.to-keras",
                        "models:lambda_merge.keras.keras-3.15.1-unsafe.txt", "difference  Subtract"));
    }

    private static Path resolve(String where) {
        String name = where.substring(where.indexOf(':') + 1);
        if (where.startsWith("fixture:")) {
            return FIXTURE.resolve(name);
        }
        if (where.startsWith("corpus:")) {
            return TestEnvironment.assumeCorpus("files/dl4j/" + name);
        }
        return MODELS.resolve(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aReplacedLambdaLoadsInSafeModeAndPredictsWhatTheSourceDid(String source, String weights, String truth,
            String record, String layerLine) throws Exception {
        Path in = resolve(source);
        Path w = weights == null ? null : resolve(weights);
        assertFalse(new Diagnoser().diagnose(in, w).loads(), source + ": Keras 3 refuses the source in safe mode");
        Path out = dir.resolve("out.keras");
        ConversionResult r = convert(in, w, out);
        assertEquals(List.of(out), r.written());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("it became")), "a note names the replacement: "
                + r.notes());
        assertTrue(new Diagnoser().diagnose(out, null).loads(), "the output loads");

        List<String> kerasRead = Files.readAllLines(ConvertedOutputTruthTest.TRUTHS.resolve(truth
                + ".keras-3.15.1.txt"));
        assertTrue(kerasRead.stream().anyMatch(l -> l.startsWith("OK ")), "Keras 3.15.1 loaded the output");
        assertTrue(kerasRead.stream().anyMatch(l -> l.trim().startsWith(layerLine + " ") || l.trim().equals(layerLine)), "Keras rebuilt " + layerLine);
        assertEquals(prediction(resolve(record)), prediction(kerasRead),
                "Keras's prediction from the converted file against the source model's");
    }

    @Test
    void aDivisionByOtherThanAPowerOfTwoIsRefusedSayingWhatTheLambdaComputes() {
        Path out = dir.resolve("out.keras");
        ConversionRefusedException e = assertThrows(ConversionRefusedException.class,
                () -> convert(MODELS.resolve("lambda_div.keras"), null, out));
        assertTrue(e.getMessage().contains("Layer 'scale_255'") && e.getMessage().contains("computes t / 255.0")
                && e.getMessage().contains("bit-exactly"), e.getMessage());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void theFixtureConvertsToH5AndJsonToo() throws Exception {
        for (ConversionTarget target : List.of(ConversionTarget.H5, ConversionTarget.JSON)) {
            Path out = dir.resolve(target == ConversionTarget.H5 ? "out.h5" : "out.json");
            ConversionResult r = new Converter(ModelReader::open, OutputDiagnosis.diagnoser(), new LayerCatalog())
                    .convert(new ConversionRequest(FIXTURE.resolve("lambda.keras"), null, target,
                                    WeightsFormat.LEGACY, out, false, false),
                            ConversionProgress.NONE, CancellationToken.NEVER);
            assertTrue(r.verification().verdict().loads(), target + ": the output loads");
        }
    }

    private ConversionResult convert(Path in, Path w, Path out) throws Exception {
        return CheckedConversion.run(new Converter(ModelReader::open, OutputDiagnosis.diagnoser(),
                new LayerCatalog()), new ConversionRequest(in, w, ConversionTarget.KERAS, WeightsFormat.LEGACY, out,
                false, false));
    }

    private static String prediction(Path record) throws IOException {
        return prediction(Files.readAllLines(record));
    }

    private static String prediction(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("predict[0]:")).findFirst()
                .orElseThrow(() -> new AssertionError("no prediction in " + lines));
    }
}
