package dev.kerasview.config;

/**
 * One tensor a layer call consumes, as a Functional config names it: the layer that made it,
 * that layer's call (node) index and the output's index.
 *
 * @param layer       the producing layer's name
 * @param nodeIndex   which call of that layer
 * @param tensorIndex which of that call's outputs
 */
public record TensorRef(String layer, int nodeIndex, int tensorIndex) {
}
