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
            "dl4j/sequential_lambda.h5, PYTHON_LAMBDA, lambda_1"})
    void pythonLambdasAreRefused(String file, Reason reason, String layer) {
        UpgradeRefusedException e = assertThrows(UpgradeRefusedException.class,
                () -> UpgradeTestSupport.upgrade(Corpus.file(file)));
        assertEquals(reason, e.reason());
        assertEquals(List.of(layer), e.names());
        assertTrue(e.getMessage().contains("'" + layer + "'") && e.getMessage().contains("Rebuild")
                || e.getMessage().contains("Rewrite"), e.getMessage());
    }
}
