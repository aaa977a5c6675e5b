package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recipes for stored weights whose layout is not Keras 3's. */
class WeightRecipesTest {

    @Test
    void keras1LstmGatesAreConcatenatedInKeras3Order() throws Exception {
        // stored (weight_names): W_i U_i b_i W_c U_c b_c W_f U_f b_f W_o U_o b_o; Keras 3 wants i, f, c, o
        Path file = Corpus.file("dl4j/simple_lstm_th_keras_1_model.h5");
        UpgradedConfig up = UpgradeTestSupport.upgradeWithSigmoid(file);
        WeightRecipe expected = new WeightRecipe(List.of(
                new WeightPart(List.of(0, 6, 3, 9), -1, false, null),
                new WeightPart(List.of(1, 7, 4, 10), -1, false, null),
                new WeightPart(List.of(2, 8, 5, 11), -1, false, null)));
        assertEquals(expected, up.recipes().get("lstm_1"));
        assertEquals(1, up.recipes().size(), "Dense keeps its Keras 1 W, b order");
        // W_* (1, 50), U_* (50, 50), b_* (50,) concatenated: Keras 3.15.1 rebuilt these shapes
        assertTrue(OracleTruth.read(Corpus.truthStem(file, true)).weights()
                .contains("lstm_1 LSTM [1, 200];[50, 200];[200]"));
    }

    @Test
    void theanoDenseWeightsNeedNoRecipe() throws Exception {
        // Keras 2's loader flips Theano kernels of convolutions only (Conv1D/2D/3D, Conv2DTranspose, ConvLSTM2D)
        Path file = Corpus.file("kerasimporttests/iris_theano.h5");
        assertTrue(UpgradeTestSupport.upgrade(file).recipes().isEmpty());
    }

    @Test
    void keras2LstmNeedsNoRecipe() throws Exception {
        Path file = Corpus.file("dl4j/simple_lstm_tf_keras_2_model.h5");
        assertTrue(UpgradeTestSupport.upgradeWithSigmoid(file).recipes().isEmpty());
    }
}
