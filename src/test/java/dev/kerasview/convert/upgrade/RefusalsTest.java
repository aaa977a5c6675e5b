package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files with no exact Keras 3 config: refused with the reason and the layer named. */
class RefusalsTest {

    @ParameterizedTest(name = "{0} is refused: {1} at layer {2}")
    @CsvSource({
            "dl4j/model_lambda.h5, PYTHON_LAMBDA, lambda_3",
            "dl4j/sequential_lambda.h5, PYTHON_LAMBDA, lambda_1",
            "dl4j/tfop_0.h5, TF_OP_LAYER, Reshape",
            "jdas/pretrained_model.h5, TF_OP_LAYER, Mul_2"})
    void pythonCodeAndTensorFlowOpsAreRefused(String file, Reason reason, String layer) {
        UpgradeRefusedException e = assertThrows(UpgradeRefusedException.class,
                () -> UpgradeTestSupport.upgrade(Corpus.file(file)));
        assertEquals(reason, e.reason());
        assertEquals(List.of(layer), e.names());
        assertTrue(e.getMessage().contains("'" + layer + "'") && e.getMessage().contains("Rebuild")
                || e.getMessage().contains("Rewrite"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void hardSigmoidIsRefusedWhenTheFileNamesNoKerasVersion() throws Exception {
        // a Keras 1 config without its version: not in Keras 3's form, so it predates Keras 3
        LegacyInput in = LegacyInput.read(Corpus.file("dl4j/simple_lstm_tf_keras_1_config.json"));
        UpgradeRefusedException e = assertThrows(UpgradeRefusedException.class,
                () -> new ConfigUpgrader().upgrade(in.modelConfig(), new SourceInfo(null, null)));
        assertEquals(Reason.INEXACT, e.reason());
    }

    @ParameterizedTest(name = "{0}: Keras 1/2 hard_sigmoid differs from Keras 3's")
    @CsvSource({
            "dl4j/simple_lstm_tf_keras_1_model.h5", "dl4j/simple_lstm_th_keras_1_model.h5",
            "dl4j/simple_lstm_tf_keras_2_model.h5", "dl4j/simple_lstm_tf_keras_1_config.json",
            "dl4j/masking_zero_lstm.h5", "kerasimporttests/pollution_tensorflow.h5"})
    void keras2HardSigmoidIsRefusedAsInexact(String file) {
        UpgradeRefusedException e = assertThrows(UpgradeRefusedException.class,
                () -> UpgradeTestSupport.upgrade(Corpus.file(file)));
        assertEquals(Reason.INEXACT, e.reason());
        assertEquals(List.of("lstm_1"), e.names());
        assertTrue(e.getMessage().contains("0.2*x + 0.5") && e.getMessage().contains("x/6 + 0.5"), e.getMessage());
    }
}
