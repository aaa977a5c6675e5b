package dev.kerasview.convert.upgrade;

/** Why no exact Keras 3 config exists. */
public enum Reason {
    /** A Lambda layer (or other object) whose function is marshalled Python bytecode. */
    PYTHON_LAMBDA,
    /** A tf.keras TensorFlow-op layer (TensorFlowOpLayer, TFOpLambda, SlicingOpLambda, ...). */
    TF_OP_LAYER,
    /** A built-in class of an older Keras that Keras 3 no longer has. */
    UNKNOWN_CLASS,
    /** The Keras 3 equivalent would compute something different, or the config cannot be read exactly. */
    INEXACT
}
