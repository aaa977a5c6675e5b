package dev.kerasview.catalog;

import java.util.List;

/**
 * A variable a built-in layer creates.
 *
 * @param name      Keras's variable name ({@code kernel}, {@code moving_mean})
 * @param shape     expected shape, or null when it cannot be computed from the config
 * @param trainable whether Keras creates it trainable
 */
public record VariableSpec(String name, List<Long> shape, boolean trainable) {
}
