package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.catalog.VariableSpec;
import dev.kerasview.config.SnakeCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layout of a {@code model.weights.h5} that Keras 3.15.1 loads into the model a config
 * describes: every object its load walk visits, at the first path the walk reaches it, with
 * the variables Keras creates for it. Written in that layout, each object finds its variables
 * where it first looks.
 */
public final class SaveLayout {

    /** Sub-layer attributes in the order a layer creates them, which is its weights' order. */
    private static final List<String> CREATION_ORDER = List.of("cell", "forward_layer", "backward_layer",
            "layer", "query_dense", "_query_dense", "key_dense", "_key_dense", "value_dense", "_value_dense",
            "output_dense", "_output_dense");

    /**
     * One object of the rebuilt model.
     *
     * @param path      where its {@code vars} group goes ("" for the model itself)
     * @param className its runtime class
     * @param name      its own name (the {@code name} attribute of its {@code vars} group)
     * @param variables the variables it creates, in creation order; null when custom code decides
     * @param trainable its config's trainable flag
     * @param children  the objects it owns, in creation order (models: their {@code layers})
     * @param repeated  true when the walk reached this object earlier, at {@code path}: it is
     *                  written there once, though it counts among the weights of each owner
     */
    public record Slot(String path, String className, String name, List<VariableSpec> variables,
                       boolean trainable, List<Slot> children, boolean repeated) {

        /** Every slot of this subtree whose variables go into the file, each once, in creation order. */
        public List<Slot> flatten() {
            List<Slot> out = new ArrayList<>();
            collect(this, out);
            return out;
        }

        private static void collect(Slot s, List<Slot> out) {
            if (s.repeated) {
                return;
            }
            out.add(s);
            s.children.forEach(c -> collect(c, out));
        }
    }

    private final Map<Saveable, String> paths = new IdentityHashMap<>();
    /** Each object's path in the order the walk first reaches it: Keras's save order. */
    private final List<String> visited = new ArrayList<>();
    private final Set<Object> containers = Collections.newSetFromMap(new IdentityHashMap<>());

    private SaveLayout() {
    }

    /** The layout for {@code config}, a Keras 3 model config ({@code module}, {@code class_name}, ...). */
    public static Slot of(JsonNode config, LayerCatalog catalog) {
        Saveable model = new ObjectGraph(catalog).model(new Envelope(config), null);
        SaveLayout layout = new SaveLayout();
        layout.assign(model, "");
        return layout.slot(model, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * The paths of the objects {@code config} describes in the order Keras's save walk writes
     * their {@code vars} groups: an object's own variables, then its children by walk order.
     */
    public static List<String> saveOrder(JsonNode config, LayerCatalog catalog) {
        Saveable model = new ObjectGraph(catalog).model(new Envelope(config), null);
        SaveLayout layout = new SaveLayout();
        layout.assign(model, "");
        return List.copyOf(layout.visited);
    }

    /** Gives each object the first path the walk reaches it at. */
    private void assign(Saveable object, String path) {
        if (paths.containsKey(object)) {
            return;
        }
        paths.put(object, path);
        visited.add(path);
        for (Saveable.Attribute a : object.walkOrder()) {
            String childPath = LoadWalk.join(path, a.name());
            if (a.value() instanceof Saveable child) {
                assign(child, childPath);
            } else if (a.value() instanceof List<?> list) {
                assignContainer(list, childPath);
            }
        }
    }

    private void assignContainer(List<?> container, String path) {
        if (!containers.add(container)) {
            return;
        }
        Map<String, Integer> used = new HashMap<>();
        for (Object element : container) {
            if (element instanceof Saveable child) {
                assign(child, LoadWalk.join(path, LoadWalk.uniqueName(SnakeCase.of(child.className()), used)));
            } else if (element instanceof List<?> nested) {
                assignContainer(nested, LoadWalk.join(path, LoadWalk.uniqueName("container", used)));
            }
        }
    }

    private Slot slot(Saveable object, Set<Saveable> seen) {
        boolean repeated = !seen.add(object);
        List<Slot> children = new ArrayList<>();
        for (Saveable child : ownedInCreationOrder(object)) {
            children.add(slot(child, seen));
        }
        return new Slot(paths.get(object), object.className(), object.name(), object.known() ? object.variables() : null,
                object.trainable(), children, repeated);
    }

    private static List<Saveable> ownedInCreationOrder(Saveable object) {
        List<Saveable.Attribute> attributes = new ArrayList<>(object.attributes());
        attributes.sort((a, b) -> Integer.compare(rank(a.name()), rank(b.name())));
        List<Saveable> out = new ArrayList<>();
        for (Saveable.Attribute a : attributes) {
            flatten(a.value(), out);
        }
        return out;
    }

    private static int rank(String attribute) {
        if (attribute.equals("layers")) {
            return -1;
        }
        int i = CREATION_ORDER.indexOf(attribute);
        return i < 0 ? CREATION_ORDER.size() : i;
    }

    private static void flatten(Object value, List<Saveable> out) {
        if (value instanceof Saveable s) {
            out.add(s);
        } else if (value instanceof List<?> list) {
            list.forEach(v -> flatten(v, out));
        }
    }
}
