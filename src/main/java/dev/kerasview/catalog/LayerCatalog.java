package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The variables and composite sub-layers of Keras's built-in layer classes (KERAS_FORMATS.md §7).
 * API contract; implemented by the diagnose owner.
 */
public final class LayerCatalog {

    /**
     * The variables a built-in layer creates itself (not its sub-layers), in saved order.
     *
     * @param className   Keras class name ({@code Dense})
     * @param config      the layer's {@code config} object
     * @param buildConfig the layer's {@code build_config} object, or null (shapes are then null
     *                    where they depend on the input)
     * @return empty when the class is not a known built-in
     */
    public Optional<List<VariableSpec>> ownVariables(String className, JsonNode config,
                                                     JsonNode buildConfig) {
        throw new UnsupportedOperationException("LayerCatalog not implemented yet");
    }

    /** The sub-layers a composite built-in owns (RNN cell, Bidirectional, wrappers, MultiHeadAttention). */
    public List<SubLayerSpec> subLayers(String className, JsonNode config, JsonNode buildConfig) {
        throw new UnsupportedOperationException("LayerCatalog not implemented yet");
    }

    /** True when Keras ships the class (so the person's code need not provide it). */
    public boolean isBuiltIn(String className, String module, String registeredName) {
        throw new UnsupportedOperationException("LayerCatalog not implemented yet");
    }
}
