package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.model.ParamCount;

/**
 * What the weights file holds for a layer whose variables the config alone does not give (a
 * custom class, a quantized layer): the count of its stored variables not already described
 * by a config of a sub-layer.
 */
@FunctionalInterface
public interface StoredParams {

    /**
     * @param envelope the layer's serialized envelope, as found in the model config
     * @return the stored count, split into trainable and not where the catalog names the
     *         variables (a built-in class), else the total only; null when the file holds no
     *         group for the layer
     */
    ParamCount of(JsonNode envelope);
}
