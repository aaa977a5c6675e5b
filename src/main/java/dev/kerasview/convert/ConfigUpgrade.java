package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.model.ModelFile;

/** Turns the config of a legacy file into the Keras 3 config a {@code .keras} output carries. */
@FunctionalInterface
interface ConfigUpgrade {

    /** The upgraded config, or a refusal naming why no exact Keras 3 form exists. */
    KerasConfigSource upgrade(JsonNode legacyRoot, ModelFile model) throws ConversionException;
}
