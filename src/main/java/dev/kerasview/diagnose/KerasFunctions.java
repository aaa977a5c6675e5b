package dev.kerasview.diagnose;

import java.util.Set;

/** Names of Keras's built-in functions a config may name with module {@code builtins}. */
final class KerasFunctions {

    static final Set<String> NAMES = Set.of(
            "relu", "relu6", "sigmoid", "softmax", "tanh", "linear", "elu", "selu", "gelu",
            "swish", "silu", "softplus", "softsign", "exponential", "hard_sigmoid",
            "hard_silu", "hard_swish", "leaky_relu", "mish", "log_softmax", "celu", "glu",
            "hard_tanh", "log_sigmoid", "squareplus", "sparse_plus", "sparsemax", "threshold",
            "tanh_shrink", "soft_shrink", "hard_shrink", "sparse_sigmoid",
            "mean_squared_error", "mean_absolute_error", "mean_absolute_percentage_error",
            "mean_squared_logarithmic_error", "binary_crossentropy", "categorical_crossentropy",
            "sparse_categorical_crossentropy", "binary_focal_crossentropy",
            "categorical_focal_crossentropy", "kl_divergence", "poisson", "cosine_similarity",
            "log_cosh", "huber", "hinge", "squared_hinge", "categorical_hinge", "ctc", "dice",
            "tversky", "circle", "binary_accuracy", "categorical_accuracy",
            "sparse_categorical_accuracy", "top_k_categorical_accuracy",
            "sparse_top_k_categorical_accuracy", "mse", "mae", "mape", "msle");

    private KerasFunctions() {
    }
}
