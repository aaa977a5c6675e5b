package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The converted tf.keras op models predict what the original models computed: Keras 3.15.1's prediction on the
 * converted file (the oracle's truth, {@code *.to-keras.keras-3.15.1.txt}) against an independent numpy forward
 * pass of the original .h5 ({@code tfop_truth.py}, whose output is {@code *.numpy-truth.txt}). The op layers
 * themselves agree bit for bit ({@code tfop_truth.py --compare}); the sums differ in the 7th digit where a
 * convolution, Dense or bilinear resize sums in another order.
 */
class TfOpPredictionTruthTest {

    @ParameterizedTest
    @ValueSource(strings = {"tfop_0.h5", "pretrained_model.h5", "tfop_lambda.h5"})
    void convertedModelPredictsWhatNumpyComputesForTheOriginal(String file) throws Exception {
        String[] keras = prediction(ConvertedOutputTruthTest.TRUTHS.resolve(file + ".to-keras.keras-3.15.1.txt"));
        String[] numpy = prediction(ConvertedOutputTruthTest.TRUTHS.resolve(file + ".numpy-truth.txt"));
        assertEquals(numpy[0], keras[0], "output shape");
        double k = Double.parseDouble(keras[1]);
        double n = Double.parseDouble(numpy[1]);
        assertEquals(n, k, 1e-6 * Math.max(1, Math.abs(n)), "output sum");
    }

    /** {@code predict[0]: shape=[2, 5] sum=1.23} as {shape, sum}. */
    private static String[] prediction(Path truth) throws Exception {
        List<String> lines = Files.readAllLines(truth);
        String line = lines.stream().filter(l -> l.startsWith("predict[0]:")).findFirst()
                .orElseThrow(() -> new AssertionError(truth + " records no prediction"));
        String shape = line.substring(line.indexOf("shape=") + 6, line.indexOf(" sum="));
        return new String[] {shape, line.substring(line.indexOf(" sum=") + 5).trim()};
    }
}
