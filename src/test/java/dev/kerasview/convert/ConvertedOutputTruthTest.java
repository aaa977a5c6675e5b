package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.TestEnvironment;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.formats.GroundTruth;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
        // Keras lists a layer reached twice (shared) under each path, the archive stores each
        // object's tensors once per object: compare the distinct tensors of each layer name.
        List<Tensor> expected = new ArrayList<>();
        // A LoRA layer's matrices are created on load and zeroed by Keras; a .keras never stores them.
        keras.layers().forEach(l -> l.vars().stream().filter(v -> !zeroedLora(v)).forEach(v -> expected.add(
                new Tensor(l.path().substring(l.path().lastIndexOf('/') + 1), v.dtype(), v.shape(), v.sum()))));
        List<Tensor> got = new ArrayList<>();
        java.util.Set<String> kerasLayers = new java.util.HashSet<>();
        expected.forEach(t -> kerasLayers.add(t.layer()));
        try (var opened = ModelReader.open(out, null)) {
            collect(opened.model().root(), "", kerasLayers, opened.tensors(), got);
        }
        for (Tensor t : expected) {
            assertTrue(got.stream().anyMatch(t::matches), "Keras read " + t + " from the converted file; "
                    + "it holds none such: " + got);
        }
        for (Tensor t : got) {
            assertTrue(expected.stream().anyMatch(t::matches), "the converted file holds " + t
                    + ", which Keras did not read: " + expected);
        }
    }

    /** Keras counts a sub-layer's variables (an RNN's cell, attention's projections) as its owner's. */
    private static void collect(LayerNode node, String owner, java.util.Set<String> kerasLayers, TensorStore tensors,
                                List<Tensor> out) throws IOException {
        String layer = kerasLayers.contains(node.name()) || owner.isEmpty() ? node.name() : owner;
        for (VariableInfo v : node.variables()) {
            if (v.path().startsWith("optimizer/")) {
                continue; // the truth lists the optimizer's state apart, as a count
            }
            // The oracle prints no sum for bfloat16 (numpy has no such type).
            Double sum = v.dtype().equals("bfloat16") ? null : tensors.statistics(v, 1).sum();
            out.add(new Tensor(layer, v.dtype(), v.shape(), sum));
        }
        for (LayerNode child : node.children()) {
            collect(child, layer, kerasLayers, tensors, out);
        }
    }

    /** A layer's tensor as the truth describes it; sums agree to 1e-6 relative (Keras prints 9 digits). */
    private record Tensor(String layer, String dtype, List<Long> shape, Double sum) {
        boolean matches(Tensor o) {
            if (!layer.equals(o.layer) || !dtype.equals(o.dtype) || !shape.equals(o.shape)
                    || (sum == null) != (o.sum == null)) {
                return false;
            }
            return sum == null || Math.abs(sum - o.sum) <= 1e-6 * Math.max(1, Math.abs(sum));
        }
    }

    private static boolean zeroedLora(GroundTruth.Var v) {
        return v.path().startsWith("lora_") && Double.valueOf(0.0).equals(v.sum());
    }

    private static Path resolve(String input) {
        if (input.startsWith("fixtures-modern/") || input.startsWith("upgrade/")
                || input.startsWith("lambda-models/")) {
            return Path.of("src/test/resources").resolve(input);
        }
        if (input.startsWith("corpus/")) {
            return TestEnvironment.assumeCorpus("files/" + input.substring("corpus/".length()));
        }
        return Fixtures.ROOT.resolve(input.substring("fixtures/".length()));
    }
}
