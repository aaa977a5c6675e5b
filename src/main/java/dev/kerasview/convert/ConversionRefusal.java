package dev.kerasview.convert;

/** Why a conversion was refused before anything was written. */
public enum ConversionRefusal {
    /** Layers the architecture needs have no weights in the input. */
    MISSING_WEIGHTS,
    /** Stored weights do not fit the architecture (count or shape). */
    WEIGHTS_DO_NOT_FIT,
    /** The input has no architecture (a weights-only file). */
    NO_CONFIG,
    /** The input has no weights. */
    NO_WEIGHTS,
    /** No exact Keras 3 form of the architecture exists (Python lambdas, TensorFlow ops, ...). */
    NO_EXACT_FORM,
    /** The output loads only where the person's own classes or functions are registered. */
    NEEDS_CUSTOM_CODE,
    /** The written output is one Keras would refuse; another target may work. */
    OUTPUT_WOULD_NOT_LOAD,
    /** One variable is larger than the maximum shard size asked for. */
    SHARD_TOO_SMALL,
    /** The input cannot be read or holds what kerasview does not convert. */
    UNSUPPORTED_INPUT
}
