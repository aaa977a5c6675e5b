package dev.kerasview.model;

/** The kinds of input kerasview reads, with the short id used in JSON output. */
public enum FileFormat {
    KERAS_ARCHIVE("keras", "Keras 3 .keras archive"),
    KERAS_DIRECTORY("keras-dir", "unzipped .keras folder"),
    LEGACY_H5("h5", "legacy HDF5 full model"),
    WEIGHTS_H5("weights-h5", "Keras 3 weights file"),
    LEGACY_WEIGHTS_H5("legacy-weights-h5", "legacy HDF5 weights file"),
    JSON_WITH_WEIGHTS("json", "JSON architecture with weights"),
    JSON_ONLY("json-only", "JSON architecture without weights"),
    SHARDED_WEIGHTS("sharded-weights", "sharded Keras 3 weights"),
    UNKNOWN("unknown", "not a Keras model file");

    private final String id;
    private final String description;

    FileFormat(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Stable identifier used in {@code --json} output. */
    public String id() {
        return id;
    }

    /** Human-readable description for status bars and messages. */
    public String description() {
        return description;
    }
}
