package dev.kerasview.diagnose;

import dev.kerasview.config.SnakeCase;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.catalog.VariableSpec;
import dev.kerasview.model.H5Group;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guesses the built-in class of a weights group known only from the file, from its path segment
 * ({@code dense_1} → Dense; an RNN {@code cell} by its name), as Keras named it.
 */
final class GroupClasses {

    private final LayerCatalog catalog;
    private final Map<String, String> classBySnake = new HashMap<>();

    GroupClasses(LayerCatalog catalog) {
        this.catalog = catalog;
        for (String cls : LayerCatalog.builtInNames()) {
            classBySnake.putIfAbsent(SnakeCase.of(cls), cls);
        }
    }

    /** The class for the group at this path, or null. */
    String classOf(H5Group group) {
        String segment = group.key().replaceAll("_\\d+$", "");
        if (segment.equals("cell")) {
            String name = group.group("vars").map(v -> v.stringAttribute("name")).orElse(null);
            return name == null ? null : classBySnake.get(name.replaceAll("_\\d+$", ""));
        }
        return classBySnake.get(segment);
    }

    /** The variables the class creates with its default config (shapes unknown). */
    List<VariableSpec> defaults(String cls) {
        return cls == null ? List.of() : catalog.ownVariables(cls,
                JsonNodeFactory.instance.objectNode(), null).orElse(List.of());
    }
}
