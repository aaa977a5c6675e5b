package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.formats.GroundTruth;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.model.VariableInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each upgrade that {@code convert --to keras} makes is checked against real Keras: the committed
 * truth beside each case ({@code convert-truth/*.keras-3.15.1.txt}) is Keras 3.15.1 loading the
 * converted file ({@code check_load.py --predict}). The conversion is run again here and its output
 * must hold exactly the tensors Keras read: the same number, shapes, dtypes and sums, and the same
 * trainable and non-trainable parameter counts. Cases over the corpus run when it is present.
 */
class ConvertedOutputTruthTest {

    static final Path TRUTHS = Path.of("src/test/resources/convert-truth");
    static final Path CORPUS = Path.of("../shared/corpus/files");

    @TempDir
    Path dir;

    /** INDEX.tsv: truth file, input (fixtures/... or corpus/...), optional weights, the rule it covers. */
    static Stream<String[]> cases() throws Exception {
        return Files.readAllLines(TRUTHS.resolve("INDEX.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t"));
    }

    @ParameterizedTest(name = "{3}: {1}")
    @MethodSource("cases")
    void convertedFileHoldsWhatKerasLoadedFromIt(String truth, String input, String weights, String rule)
            throws Exception {
        Path in = resolve(input);
        Path w = weights.equals("-") ? null : resolve(weights);
        Path out = dir.resolve("out.keras");
        new Converter(ModelReader::open, OutputDiagnosis.diagnoser(), new LayerCatalog()).convert(
                new ConversionRequest(in, w, ConversionTarget.KERAS, WeightsFormat.LEGACY, out, false, false, true),
                ConversionProgress.NONE, CancellationToken.NEVER);
        GroundTruth keras = GroundTruth.parse(TRUTHS.resolve(truth));
        assertTrue(keras.trainable() >= 0, truth + " records a successful load");
        List<String> expected = new ArrayList<>();
        keras.layers().forEach(l -> l.vars().forEach(v -> expected.add(key(v.shape(), v.dtype()))));
        List<Double> expectedSums = sums(keras);
        try (var opened = ModelReader.open(out, null)) {
            List<VariableInfo> mine = new ArrayList<>(opened.model().root().allVariables());
            List<String> got = new ArrayList<>();
            List<Double> gotSums = new ArrayList<>();
            long params = 0;
            for (VariableInfo v : mine) {
                got.add(key(v.shape(), v.dtype()));
                gotSums.add(opened.tensors().statistics(v, 1).sum());
                params += v.elementCount();
            }
            expected.sort(Comparator.naturalOrder());
            got.sort(Comparator.naturalOrder());
            assertEquals(expected, got, "the variables Keras read: shapes and dtypes");
            assertEquals(keras.trainable() + keras.nonTrainable(), params, "parameters Keras counted");
            gotSums.sort(Comparator.naturalOrder());
            for (int i = 0; i < expectedSums.size(); i++) {
                double e = expectedSums.get(i);
                assertEquals(e, gotSums.get(i), 1e-6 * Math.max(1, Math.abs(e)), "sum #" + i + " of " + truth);
            }
        }
    }

    private static List<Double> sums(GroundTruth gt) {
        List<Double> out = new ArrayList<>();
        gt.layers().forEach(l -> l.vars().forEach(v -> {
            if (v.sum() != null) {
                out.add(v.sum());
            }
        }));
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static String key(List<Long> shape, String dtype) {
        return dtype + shape;
    }

    private static Path resolve(String input) {
        if (input.startsWith("corpus/")) {
            Assumptions.assumeTrue(Files.isDirectory(CORPUS),
                    "skipped: ../shared/corpus is absent, so the corpus conversions are not checked");
            return CORPUS.resolve(input.substring("corpus/".length()));
        }
        return Fixtures.ROOT.resolve(input.substring("fixtures/".length()));
    }
}
