package dev.kerasview.convert;

import dev.kerasview.model.VariableInfo;

/**
 * One weight as the legacy layout names it, with the stored variable that supplies its bytes.
 *
 * @param name      the legacy weight name, a Keras 3 variable path ({@code lstm/lstm_cell/kernel})
 * @param source    the variable in the source weights store
 * @param trainable whether Keras would count it among the trainable weights
 */
public record PlannedWeight(String name, VariableInfo source, boolean trainable) {
}
