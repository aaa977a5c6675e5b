package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.convert.upgrade.WeightRecipe;
import java.util.List;
import java.util.Map;

/**
 * The Keras 3 config a {@code .keras} output carries, with its compile information.
 *
 * @param config        the model config in the form Keras 3.15.1 writes (compile_config included
 *                      when the model is written compiled)
 * @param notes         what was changed on the way, in plain sentences
 * @param recipes       per legacy layer name, how its Keras 3 weights are built from the stored ones
 */
record KerasConfigSource(JsonNode config, List<String> notes, Map<String, WeightRecipe> recipes) {

    KerasConfigSource {
        notes = List.copyOf(notes);
        recipes = Map.copyOf(recipes);
    }
}
