package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files with no exact Keras 3 config: refused with the reason and the layer named. (dl4j's lambda files
 * convert since their lambdas became built-in layers: LambdaConversionTest; refused lambdas:
 * LambdaTranslationTest and LambdaConversionTest.)
 */
class RefusalsTest {

    @ParameterizedTest(name = "{0} is refused: {1} at layer {2}")
    @CsvSource({
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
}
