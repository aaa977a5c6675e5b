package dev.kerasview.model;

/**
 * What a {@link Finding} is about; the constant's name is the {@code code} of
 * {@code diagnose --json}, a contract scripts rely on, so constants are never renamed.
 */
public enum FindingCode {

    // The file itself: readable, the right kind, under the right name.
    /** The file could not be read as any kind kerasview knows. */
    UNREADABLE,
    /** The file is readable but not a Keras model or weights file. */
    NOT_A_MODEL,
    /** Keras picks its loader by suffix, and this file's suffix sends it to the wrong one. */
    WRONG_SUFFIX,
    /** The suffix names another format than the content holds (a reader's warning). */
    SUFFIX_MISMATCH,
    /** The file holds weights only, no architecture. */
    NO_ARCHITECTURE,
    /** The file holds an architecture only, no weights. */
    NO_WEIGHTS,
    /** An HDF5 file that is not laid out as Keras weights. */
    NOT_KERAS_WEIGHTS,
    /** The architecture is not a serialized Keras object Keras can rebuild. */
    INVALID_CONFIG,
    /** A .keras archive's metadata.json could not be read. */
    BAD_METADATA,

    // The archive: entries a hostile or broken zip carries.
    /** Two entries with the same name. */
    DUPLICATE_ENTRY,
    /** An entry name that would escape the folder it is extracted to. */
    UNSAFE_ENTRY_NAME,
    /** An entry whose sizes promise far more data than it holds. */
    ZIP_BOMB,
    /** An entry whose bytes lie outside the archive. */
    ENTRY_OUT_OF_BOUNDS,
    /** An entry compressed with a method the reader does not support. */
    UNSUPPORTED_METHOD,

    // The weights store.
    /** The weights store is missing or could not be read. */
    MISSING_WEIGHTS,
    /** The weights store cannot be opened as HDF5. */
    DAMAGED_WEIGHTS,
    /** A group of the weights store could not be read. */
    DAMAGED_GROUP,
    /** Weights saved as .npz, which Keras refuses to unpickle in safe mode. */
    NPZ_WEIGHTS,
    /** A shard a sharded weights index lists is not beside it. */
    MISSING_SHARD,
    /** A sharded index entry names shards none of which holds the entry's group. */
    SHARD_LACKS_GROUP,

    // Keras 3's load walk.
    /** A layer gets a different number of variables than it creates. */
    VARIABLE_COUNT,
    /** A stored variable's shape differs from the variable the layer creates. */
    SHAPE_MISMATCH,
    /** A stored variable's dtype Keras cannot convert. */
    UNREADABLE_DTYPE,
    /** A layer Keras never builds, so it has no variables for the stored ones. */
    NEVER_BUILT,
    /** A layer saved unbuilt: the file has no weights for it. */
    UNBUILT_AT_SAVE,
    /** Stored variables a layer does not load, without an error. */
    WEIGHTS_IGNORED,
    /** A LoRA layer loads without error but computes other outputs than the saved model. */
    LORA_ALPHA_RESET,
    /** Stored variables no layer of the rebuilt model reads. */
    ORPHAN_WEIGHTS,
    /** A nested container whose group is missing; its layers keep fresh weights. */
    NESTED_CONTAINER,
    /** The optimizer's saved state does not match the rebuilt optimizer; it is discarded. */
    OPTIMIZER_STATE,

    // The config: classes, functions and arguments.
    /** A class neither Keras nor registered user code provides. */
    UNKNOWN_CLASS,
    /** A class or function the loading code must register. */
    CUSTOM_OBJECT,
    /** A class whose module cannot be imported. */
    MODULE_NOT_FOUND,
    /** A Python lambda stored as bytecode, refused in safe mode. */
    LAMBDA,
    /** An argument Keras 3.15.1 no longer accepts. */
    UNRECOGNIZED_ARGUMENT,
    /** A constructor argument Keras 3.15.1 requires is absent from the config. */
    MISSING_ARGUMENT,
    /** A string argument the legacy loader turns into a function the layer rejects. */
    FUNCTION_ARGUMENT,

    // Legacy .h5 and legacy weights.
    /** A Keras 2.2 Sequential config stored as a list of layers. */
    LEGACY_SEQUENTIAL_LIST,
    /** A training config Keras 3 cannot re-compile. */
    LEGACY_COMPILE,
    /** The file was saved from a model that was not compiled. */
    NOT_COMPILED,
    /** A subclassed model whose layer pairing cannot be checked from the file. */
    LEGACY_ORDER_UNCHECKED,
    /** A legacy weights file without its layer_names attribute. */
    NO_LAYER_NAMES,
    /** The number of saved layers differs from the layers with weights. */
    LAYER_COUNT,
    /** A saved layer holds a different number of weights than the layer expects. */
    WEIGHT_COUNT,

    /** kerasview itself failed while diagnosing. */
    INTERNAL_ERROR;

    /** The identifier in {@code diagnose --json} and the text output. */
    public String id() {
        return name();
    }
}
