package dev.kerasview.convert;

import java.nio.file.Path;
import java.util.List;

/** Locations of the Keras-written fixtures copied into the test resources. */
final class Fixtures {

    static final Path ROOT = Path.of("src/test/resources/fixtures");

    /** Folders whose .keras Keras 3.15.1 loads and whose .h5 Keras wrote from the same model. */
    static final List<String> WITH_KERAS_H5 = List.of("mlp", "cnn", "rnn", "functional_nested",
            "attention", "custom_layer", "lambda", "compiled_trained", "vae_ok", "deep_cnn", "mixed",
            "shared_weights_functional", "gru_reset", "bfloat16");

    private Fixtures() {
    }

    static Path file(String folder, String suffix) {
        return ROOT.resolve(folder).resolve(folder + suffix);
    }
}
