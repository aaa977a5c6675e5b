package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.catalog.SubLayerSpec;
import dev.kerasview.catalog.VariableSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the stored variables of a layer from the layer catalog; where the class is unknown
 * (or the catalog cannot say), the dataset keys {@code 0, 1, ...} are the names.
 */
final class VariableNamer {

    /** A variable's display name and trainable flag. */
    record Named(String name, boolean trainable) {
    }

    private final LayerCatalog catalog = new LayerCatalog();

    /** Names for {@code count} datasets of a layer, in saved order. */
    List<Named> names(String className, JsonNode config, JsonNode buildConfig, List<String> keys,
                      boolean frozen) {
        List<VariableSpec> specs = List.of();
        if (className != null) {
            try {
                Optional<List<VariableSpec>> s = catalog.ownVariables(className, config, buildConfig);
                specs = s.orElse(List.of());
            } catch (RuntimeException e) {
                // The catalog refuses or does not exist yet: fall back to index names.
                specs = List.of();
            }
        }
        List<Named> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (i < specs.size() && keys.size() == specs.size()) {
                VariableSpec v = specs.get(i);
                out.add(new Named(v.name(), v.trainable() && !frozen));
            } else {
                out.add(new Named(keys.get(i), !frozen));
            }
        }
        return out;
    }

    /** Trainable flags by variable name for a built-in class; empty when unknown. */
    Map<String, Boolean> trainableByName(String className, JsonNode config,
                                                   JsonNode buildConfig) {
        Map<String, Boolean> out = new HashMap<>();
        if (className == null) {
            return out;
        }
        try {
            // Created, not only saved: a legacy .h5 stores LoRA's matrices too.
            catalog.createdVariables(className, config, buildConfig)
                    .ifPresent(list -> list.forEach(v -> out.put(v.name(), v.trainable())));
        } catch (RuntimeException e) {
            // Unknown to the catalog: every variable counts as trainable.
        }
        return out;
    }

    /** The composite sub-layers the catalog knows for a built-in class. */
    List<SubLayerSpec> subLayers(String className, JsonNode config, JsonNode buildConfig) {
        if (className == null) {
            return List.of();
        }
        try {
            return catalog.subLayers(className, config, buildConfig);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** True when Keras ships the class; decided without the catalog when it cannot say. */
    boolean isBuiltIn(String className, String module, String registeredName) {
        try {
            return catalog.isBuiltIn(className, module, registeredName);
        } catch (RuntimeException e) {
            if (registeredName != null && registeredName.contains(">")) {
                return false;
            }
            if (className != null && className.contains(">")) {
                return false;
            }
            if (module != null) {
                return module.equals("keras") || module.startsWith("keras.");
            }
            // Legacy configs carry no module; without the catalog a bare name is taken as built-in.
            return true;
        }
    }
}
