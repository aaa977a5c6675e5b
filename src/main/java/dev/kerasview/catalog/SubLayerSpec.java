package dev.kerasview.catalog;

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
}
