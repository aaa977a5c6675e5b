package dev.kerasview.convert;

import java.util.List;
import java.util.Objects;

/**
 * What a {@code model.weights.h5} in Keras 3's object-walk layout holds: one {@code vars} group
 * per object Keras visits, each with its variables in creation order.
 *
 * @param groups every object's group, in walk order (the model's own at path "")
 * @param notes  plain statements about choices made while placing the weights
 * @param missing layers written without the weights Keras creates for them (asked for with --allow-missing)
 */
record KerasLayout(List<VarsGroup> groups, List<String> notes, List<PlannedLayer> missing) {

    KerasLayout {
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
        missing = List.copyOf(missing);
    }

    /**
     * One object's {@code <path>/vars} group.
     *
     * @param path      the object's path ("" for the model)
     * @param name      the object's own name, written as the group's {@code name} attribute
     * @param variables its variables, written as datasets {@code 0..n-1}
     */
    record VarsGroup(String path, String name, List<PlannedWeight> variables) {
        VarsGroup {
            Objects.requireNonNull(name, "name");
            variables = List.copyOf(variables);
        }
    }

    /** Bytes of all variables (for progress). */
    long totalBytes() {
        return groups.stream().flatMap(g -> g.variables().stream()).mapToLong(w -> w.source().byteSize()).sum();
    }
}
