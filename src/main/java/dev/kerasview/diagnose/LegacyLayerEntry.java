package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.catalog.LayerCatalog;
import java.util.Set;

/**
 * A layer entry without a {@code module} key inside a Keras 3 model config, as Keras's legacy loader
 * ({@code legacy/saving/saving_utils.model_from_config}) reads it.
 */
final class LegacyLayerEntry {

    /** The models whose from_config hands module-less layer entries to the legacy loader. */
    private static final Set<String> MODELS = Set.of("Functional", "Sequential", "Model");

    private LegacyLayerEntry() {
    }

    static boolean isModel(String className) {
        return MODELS.contains(className);
    }

    /**
     * True when the legacy loader finds the class among Keras's own: its layers plus InputLayer and
     * the model classes, which the catalog's built-in names include.
     */
    static boolean resolves(String className, LayerCatalog catalog) {
        return catalog.isBuiltIn(className, null, null);
    }

    /** The entry after the loader's first rewrite: {@code batch_input_shape} becomes a shape argument. */
    static JsonNode asKerasReadsIt(JsonNode entry) {
        JsonNode config = entry.get("config");
        if (!config.has("batch_input_shape")) {
            return entry;
        }
        ObjectNode copy = entry.deepCopy();
        ObjectNode c = (ObjectNode) copy.get("config");
        JsonNode shape = c.remove("batch_input_shape");
        if (!shape.isNull()) {
            c.set("InputLayer".equals(entry.get("class_name").asText()) ? "batch_shape" : "input_shape", shape);
        }
        return copy;
    }
}
