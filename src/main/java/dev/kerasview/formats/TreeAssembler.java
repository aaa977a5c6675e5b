package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.WeightsLayout;

/** Chooses the tree builder for a weights structure and runs it. */
final class TreeAssembler {

    private final VariableNamer namer = new VariableNamer();

    /** The layout of a weights structure, by its attributes and groups. */
    static WeightsLayout layoutOf(H5Group weights) {
        if (weights == null) {
            return WeightsLayout.NONE;
        }
        if (legacyRoot(weights) != null) {
            return WeightsLayout.LEGACY;
        }
        return WeightsLayout.KERAS3;
    }

    /** The group holding one group per layer in a legacy file, or null when not legacy. */
    static H5Group legacyRoot(H5Group weights) {
        if (LegacyNames.read(weights, "layer_names") != null) {
            return weights;
        }
        return weights.group("model_weights")
                .filter(g -> LegacyNames.read(g, "layer_names") != null).orElse(null);
    }

    /** The tree of a config over weights (either layout, or none). */
    LayerNode build(JsonNode config, H5Group weights, String weightsFileKey) {
        if (weights == null) {
            return new Keras3TreeBuilder(null, namer, weightsFileKey).build(config);
        }
        H5Group legacy = legacyRoot(weights);
        if (legacy != null) {
            return new LegacyTreeBuilder(weights, legacy, namer, weightsFileKey).build(config);
        }
        return new Keras3TreeBuilder(weights, namer, weightsFileKey).build(config);
    }

    /** The tree of a weights file alone. */
    LayerNode buildWithoutConfig(H5Group weights, String name, String weightsFileKey) {
        H5Group legacy = legacyRoot(weights);
        if (legacy != null) {
            return new LegacyTreeBuilder(weights, legacy, namer, weightsFileKey)
                    .buildWithoutConfig(name);
        }
        return new Keras3TreeBuilder(weights, namer, weightsFileKey).buildWithoutConfig(name);
    }
}
