package dev.kerasview.diagnose;

import dev.kerasview.catalog.VariableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Python object Keras's load walk visits, as rebuilt from the config: a model, a layer or the
 * optimizer. Identity matters: the same object reached twice is one {@code Saveable}.
 */
final class Saveable {

    /** Which attribute rules Keras applies to the object ({@code _obj_type()}). */
    enum Type { FUNCTIONAL, SEQUENTIAL, LAYER, OPTIMIZER }

    /** A named child: another object or a container (list) of objects and containers. */
    record Attribute(String name, Object value) {
    }

    private final String className;
    private final String name;
    private final Type type;
    private final List<VariableSpec> variables;
    private final boolean built;
    private final boolean trainable;
    private final List<Attribute> attributes = new ArrayList<>();
    private int optimizerVariables = -1;
    private List<VariableSpec> created;
    private boolean checksCount = true;

    /**
     * @param className runtime class name (its snake_case names groups in containers)
     * @param name      the object's own name
     * @param type      attribute rules
     * @param variables own variables Keras will create, or null when unknown (custom code)
     * @param built     whether the object is built after deserialization
     * @param trainable the config's trainable flag
     */
    Saveable(String className, String name, Type type, List<VariableSpec> variables,
             boolean built, boolean trainable) {
        this.className = className;
        this.name = name;
        this.type = type;
        this.variables = variables == null ? null : List.copyOf(variables);
        this.built = built;
        this.trainable = trainable;
    }

    String className() {
        return className;
    }

    String name() {
        return name;
    }

    Type type() {
        return type;
    }

    /** Own variables when built (an unbuilt layer has none), or null when unknown. */
    List<VariableSpec> variables() {
        if (variables == null) {
            return null;
        }
        return built ? variables : List.of();
    }

    /**
     * Own variables in the order {@code build()} creates them (the legacy loader's order), when
     * built; the saved order unless {@link #created(List)} set another.
     */
    List<VariableSpec> createdVariables() {
        if (created == null || variables == null) {
            return variables();
        }
        return built ? created : List.of();
    }

    /** False when {@code load_own_variables} does not compare the stored count (LoRA). */
    boolean checksCount() {
        return checksCount;
    }

    void checksCount(boolean checks) {
        this.checksCount = checks;
    }

    void created(List<VariableSpec> inCreationOrder) {
        this.created = List.copyOf(inCreationOrder);
    }

    boolean built() {
        return built;
    }

    boolean trainable() {
        return trainable;
    }

    boolean known() {
        return variables != null;
    }

    void add(String attribute, Object value) {
        attributes.add(new Attribute(attribute, value));
    }

    /** For the optimizer: the number of variables Keras will create, or -1 when unknown. */
    int optimizerVariables() {
        return optimizerVariables;
    }

    void optimizerVariables(int count) {
        this.optimizerVariables = count;
    }

    /**
     * Children in the order Keras walks them: a Functional/Sequential's {@code layers} first,
     * then every attribute with public names before private ones, each in code-point order.
     */
    List<Attribute> walkOrder() {
        List<Attribute> sorted = new ArrayList<>(attributes);
        sorted.sort(Comparator.comparing(a -> nameKey(a.name())));
        if (type == Type.FUNCTIONAL || type == Type.SEQUENTIAL) {
            for (Attribute a : attributes) {
                if (a.name().equals("layers")) {
                    List<Attribute> out = new ArrayList<>();
                    out.add(a);
                    out.addAll(sorted);
                    return out;
                }
            }
        }
        return sorted;
    }

    List<Attribute> attributes() {
        return List.copyOf(attributes);
    }

    /** Private names sort after public ones, as if prefixed by {@code ~}. */
    static String nameKey(String attribute) {
        return attribute.startsWith("_") ? "~" + attribute : attribute;
    }

    @Override
    public String toString() {
        return "<" + className + " name=" + name + ", built=" + (built ? "True" : "False") + ">";
    }
}
