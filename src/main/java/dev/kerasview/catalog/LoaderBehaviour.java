package dev.kerasview.catalog;

import java.util.Optional;

/** Load-walk steps that some Keras versions take and others do not (keras-loader-behaviours.tsv). */
public enum LoaderBehaviour {
    /** functional_from_config reads a flat {@code input_layers: ["x", 0, 0]}. */
    FLAT_FUNCTIONAL_ENDPOINTS("flat_functional_endpoints"),
    /** The legacy .h5 deserializer turns a string naming a keras.layers function into it. */
    LEGACY_FUNCTION_STRINGS("legacy_function_strings"),
    /** A .keras whose weights are model.weights.npz is read with allow_pickle=True. */
    NPZ_WEIGHTS_UNPICKLED("npz_weights_unpickled");

    private final String id;

    LoaderBehaviour(String id) {
        this.id = id;
    }

    static Optional<LoaderBehaviour> of(String id) {
        for (LoaderBehaviour b : values()) {
            if (b.id.equals(id)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
