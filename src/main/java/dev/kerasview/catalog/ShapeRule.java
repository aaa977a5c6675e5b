package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One class's {@code compute_output_shape}: output shapes from the config and input shapes. */
@FunctionalInterface
interface ShapeRule {

    /**
     * @param config the layer's {@code config} object
     * @param inputs the shapes of its call's input tensors, batch axis first
     * @return the output shapes, or null when this call's shapes cannot be computed
     */
    List<List<Long>> apply(JsonNode config, List<List<Long>> inputs);
}
