package dev.kerasview.catalog;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What one Keras version's deserializer accepts: each built-in object's constructor arguments
 * by kind and class name, and which optional load-walk steps it takes.
 *
 * @param version    the release
 * @param classes    per kind, each class name the version resolves and the Python class it
 *                   resolves to (aliases such as Orthogonal and OrthogonalInitializer share one)
 * @param accepted   per kind, per class name the version resolves, every keyword it accepts
 * @param required   per kind, per class name, the arguments its constructor requires, in order
 * @param behaviours the load-walk steps this version takes
 */
public record KerasRelease(KerasVersion version, Map<ObjectKind, Map<String, String>> classes,
                           Map<ObjectKind, Map<String, Set<String>>> accepted,
                           Map<ObjectKind, Map<String, Set<String>>> required,
                           Set<LoaderBehaviour> behaviours) {

    public KerasRelease {
        classes = Map.copyOf(classes);
        accepted = Map.copyOf(accepted);
        required = Map.copyOf(required);
        behaviours = behaviours.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(behaviours));
    }

    /** True when this version resolves the class name for that kind of object. */
    public boolean resolves(ObjectKind kind, String className) {
        return accepted.getOrDefault(kind, Map.of()).containsKey(className);
    }

    /** The keywords the class accepts in this version, or null when it does not resolve it. */
    public Set<String> accepted(ObjectKind kind, String className) {
        return accepted.getOrDefault(kind, Map.of()).get(className);
    }

    /** The arguments the class's constructor requires, in order; empty when none or unknown. */
    public Set<String> required(ObjectKind kind, String className) {
        return required.getOrDefault(kind, Map.of()).getOrDefault(className, Set.of());
    }

    /** The Python class a name resolves to in this version, or null when it does not resolve. */
    public String resolvedClass(ObjectKind kind, String className) {
        return classes.getOrDefault(kind, Map.of()).get(className);
    }

    /** True when this version's load walk takes that step. */
    public boolean does(LoaderBehaviour b) {
        return behaviours.contains(b);
    }

    @Override
    public String toString() {
        return "Keras " + version;
    }
}
