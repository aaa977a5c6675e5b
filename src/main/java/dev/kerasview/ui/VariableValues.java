package dev.kerasview.ui;

import dev.kerasview.model.VariableStats;

/**
 * A variable's statistics over its stored values, and for an int4-packed kernel also over the int4
 * values Keras unpacks from them.
 *
 * @param stored the stored values, as Keras lists the variable
 * @param int4   the unpacked int4 values, or null when the variable is not int4-packed
 */
public record VariableValues(VariableStats stored, VariableStats int4) {
}
