package dev.kerasview.catalog;

import java.util.Optional;

/** The kinds of Keras object whose constructor arguments the version table records. */
public enum ObjectKind {
    LAYER("layer", null),
    INITIALIZER("initializer", "keras.initializers"),
    REGULARIZER("regularizer", "keras.regularizers"),
    CONSTRAINT("constraint", "keras.constraints"),
    POLICY("policy", null);

    private final String id;
    private final String module;

    ObjectKind(String id, String module) {
        this.id = id;
        this.module = module;
    }

    /** The name in the table's {@code kind} column. */
    public String id() {
        return id;
    }

    /** The kind a table row names. */
    static Optional<ObjectKind> of(String id) {
        for (ObjectKind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The kind whose {@code get()} a config object of this module goes through (initializers,
     * regularizers, constraints), empty for other modules.
     */
    public static Optional<ObjectKind> ofModule(String module) {
        if (module == null) {
            return Optional.empty();
        }
        for (ObjectKind k : values()) {
            if (k.module != null && (module.equals(k.module)
                    || module.startsWith("keras.src." + k.module.substring("keras.".length())))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
