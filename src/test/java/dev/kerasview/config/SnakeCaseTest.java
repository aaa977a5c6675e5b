package dev.kerasview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SnakeCaseTest {

    @Test
    void classNamesBecomeTheGroupNamesKerasVerified() {
        Map<String, String> examples = Map.ofEntries(
                Map.entry("Dense", "dense"), Map.entry("EinsumDense", "einsum_dense"),
                Map.entry("Conv2DTranspose", "conv2d_transpose"),
                Map.entry("DepthwiseConv2D", "depthwise_conv2d"),
                Map.entry("BatchNormalization", "batch_normalization"), Map.entry("LSTM", "lstm"),
                Map.entry("SimpleRNN", "simple_rnn"), Map.entry("LSTMCell", "lstm_cell"),
                Map.entry("GRUCell", "gru_cell"), Map.entry("ConvLSTM2D", "conv_lstm2d"),
                Map.entry("MultiHeadAttention", "multi_head_attention"),
                Map.entry("PReLU", "p_re_lu"), Map.entry("ReLU", "re_lu"),
                Map.entry("LeakyReLU", "leaky_re_lu"), Map.entry("InputLayer", "input_layer"),
                Map.entry("Functional", "functional"), Map.entry("Sequential", "sequential"),
                Map.entry("VAE", "vae"), Map.entry("MyVAE", "my_vae"),
                Map.entry("RMSprop", "rm_sprop"), Map.entry("AdamW", "adam_w"),
                Map.entry("UpSampling2D", "up_sampling2d"), Map.entry("ResNet50", "res_net50"),
                Map.entry("EfficientNetV2B0", "efficient_net_v2b0"));
        examples.forEach((cls, snake) -> assertEquals(snake, SnakeCase.of(cls), cls));
    }

    @Test
    void nonWordCharactersAreDropped() {
        assertEquals("my_layer", SnakeCase.of("My-Layer"));
    }

    @Test
    void theAsciiPassGivesWhatTheRegularExpressionsGive() {
        // every name of up to 4 characters over an alphabet with each case the patterns tell apart,
        // then random longer ones: the fast pass must be the same function, not a close one
        char[] alphabet = {'A', 'B', 'a', 'b', '1', '_', '-', ' '};
        int checked = 0;
        for (int length = 1; length <= 4; length++) {
            int[] digits = new int[length];
            for (long n = 0; n < Math.pow(alphabet.length, length); n++) {
                long rest = n;
                StringBuilder name = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    name.append(alphabet[(int) (rest % alphabet.length)]);
                    rest /= alphabet.length;
                }
                assertSame(name.toString());
                checked++;
            }
        }
        java.util.Random random = new java.util.Random(7);
        String pool = "ABCXYZabcxyz0129_-. ";
        for (int k = 0; k < 20_000; k++) {
            StringBuilder name = new StringBuilder();
            for (int i = 0, n = 5 + random.nextInt(20); i < n; i++) {
                name.append(pool.charAt(random.nextInt(pool.length())));
            }
            assertSame(name.toString());
            checked++;
        }
        assertEquals(4680 + 20_000, checked);
    }

    @Test
    void nonAsciiNamesKeepKerasUnicodeRules() {
        // Unicode word characters stay; only ASCII capitals start a new word, as in Python's re
        assertEquals("schichtä", SnakeCase.of("Schicht-Ä"));
        assertEquals("über_dense", SnakeCase.of("ÜberDense"));
    }

    private static void assertSame(String name) {
        assertEquals(SnakeCase.byPatterns(name), SnakeCase.asciiOf(name), "'" + name + "'");
    }
}
