package dev.kerasview.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.config.KerasJson;

/**
 * A sub-layer a composite built-in owns, saved under {@code <layer path>/<attribute>}.
 *
 * @param attribute  the attribute path segment ({@code cell}, {@code forward_layer}, {@code query_dense})
 * @param name       the sub-layer's own name ({@code lstm_cell}, {@code forward_lstm}, {@code query})
 * @param className  its class ({@code LSTMCell}, {@code LSTM}, {@code EinsumDense})
 * @param configJson its config as JSON (for recursive lookups), or null
 * @param buildInputShapeJson the input shape it is built with, as JSON, or null
 */
public record SubLayerSpec(String attribute, String name, String className, String configJson,
                           String buildInputShapeJson) {

    /** This sub-layer with {@code dtype} set in its config (unchanged when dtype is null). */
    SubLayerSpec withDtype(JsonNode dtype) {
        if (dtype == null || configJson == null) {
            return this;
        }
        try {
            ObjectNode c = (ObjectNode) KerasJson.parse(configJson);
            c.set("dtype", dtype);
            return new SubLayerSpec(attribute, name, className, KerasJson.toCompactJson(c),
                    buildInputShapeJson);
        } catch (JsonProcessingException | ClassCastException e) {
            return this;
        }
    }
}
