package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The result of an upgrade.
 *
 * @param config              the upgraded root {@code {"module","class_name","config","registered_name","build_config"}}
 *                            in the form Keras 3.15.1's {@code model.to_json()} writes (no compile_config)
 * @param compileConfig       a Keras 3 compile_config translated from the h5 {@code training_config}, or null
 * @param notes               one plain sentence per change made
 * @param recipes             per layer name (its legacy weights group name): how to build its Keras 3 weights from the
 *                            stored ones, for layers whose stored weights do not map 1:1 in order; other layers take
 *                            their stored weights unchanged
 * @param requiredCustomNames registered names of custom classes and functions the config uses
 */
public record UpgradedConfig(JsonNode config, JsonNode compileConfig, List<String> notes,
                             Map<String, WeightRecipe> recipes, List<String> requiredCustomNames) {

    public UpgradedConfig {
        notes = List.copyOf(notes);
        recipes = Map.copyOf(recipes);
        requiredCustomNames = List.copyOf(requiredCustomNames);
    }
}
