package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Translates a legacy h5 {@code training_config} into the Keras 3 {@code compile_config}. */
final class TrainingConfig {

    private final List<String> notes;

    TrainingConfig(List<String> notes) {
        this.notes = notes;
    }

    JsonNode translate(JsonNode training) {
        return null;
    }
}
