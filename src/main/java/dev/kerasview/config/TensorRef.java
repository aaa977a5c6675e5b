package dev.kerasview.config;

import java.util.List;

/**
 * One tensor a layer call consumes, as a Functional config names it: the layer that made it,
 * that layer's call (node) index and the output's index.
 *
 * @param layer       the producing layer's name
 * @param nodeIndex   which call of that layer
 * @param tensorIndex which of that call's outputs
 * @param keyword     the keyword argument that passed it ({@code value}, {@code mask}), or null
 *                    for a positional one
 * @param shape       the shape Keras 3 recorded with the tensor ({@code null} for unknown
 *                    dimensions), or null where the config records none (Keras 1/2)
 */
public record TensorRef(String layer, int nodeIndex, int tensorIndex, String keyword, List<Long> shape) {
}
