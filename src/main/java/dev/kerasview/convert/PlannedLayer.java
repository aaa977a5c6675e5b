package dev.kerasview.convert;

import java.util.List;

/**
 * A top-level layer of the converted model with its weights in legacy order (trainable, then
 * non-trainable, sub-layers included).
 *
 * @param name       the layer's own name (its group name in the legacy layout)
 * @param className  its class as the config names it
 * @param sourcePath the source weights group it was taken from, or null when it has none
 * @param repaired   why the group was found somewhere other than where Keras would look, or null
 * @param missing    why weights the layer needs are absent from the source, or null
 * @param weights    the weights, in legacy order
 */
public record PlannedLayer(String name, String className, String sourcePath, String repaired,
                           String missing, List<PlannedWeight> weights) {

    public PlannedLayer {
        weights = List.copyOf(weights);
    }
}
