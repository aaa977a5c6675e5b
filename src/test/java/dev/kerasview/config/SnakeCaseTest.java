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
}
