package dev.kerasview.model;

/** What a node of the layer tree stands for, as far as display and diagnosis care. */
public enum LayerKind {
    /** A Sequential, Functional or subclassed model (has children). */
    MODEL,
    /** An InputLayer. */
    INPUT,
    /** A built-in layer. */
    LAYER,
    /** A layer whose class Keras does not ship: the user's code must provide it. */
    CUSTOM,
    /** A Lambda layer (Python code in the file). */
    LAMBDA,
    /** The optimizer and its state. */
    OPTIMIZER,
    /** A weights group found only in the HDF5 tree, not described by any config. */
    WEIGHTS_GROUP
}
