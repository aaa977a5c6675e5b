package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keras 1/2's {@code hard_sigmoid}, clip(0.2·x + 0.5, 0, 1), in a form Keras 3 builds from its own
 * classes: a Sequential of Rescaling(scale 0.2, offset 0.5) and ReLU(max_value 1). Keras 3 takes any
 * serialized callable as an activation; Rescaling computes {@code x * 0.2 + 0.5} in the layer's dtype
 * in the order Keras 2's backend did, and the clip is exact, so the outputs are the old ones bit for
 * bit (checked with the oracle against a registered reference function; convert-truth has the loads).
 */
final class LegacyHardSigmoid {

    /** The name the Sequential carries, so a reader of the config sees what it stands for. */
    static final String NAME = "keras2_hard_sigmoid";

    private LegacyHardSigmoid() {
    }

    /** A fresh serialized Sequential computing Keras 1/2's hard_sigmoid. */
    static ObjectNode activation() {
        ObjectNode rescaling = Json.object();
        rescaling.put("name", "times_0_2_plus_0_5");
        rescaling.put("scale", 0.2);
        rescaling.put("offset", 0.5);
        ObjectNode relu = Json.object();
        relu.put("name", "clip_0_1");
        relu.put("max_value", 1.0);
        relu.put("negative_slope", 0.0);
        relu.put("threshold", 0.0);
        ArrayNode layers = Json.array();
        layers.add(Json.envelope("keras.layers", "Rescaling", rescaling, null));
        layers.add(Json.envelope("keras.layers", "ReLU", relu, null));
        ObjectNode config = Json.object();
        config.put("name", NAME);
        config.put("trainable", false);
        config.set("layers", layers);
        return Json.envelope("keras", "Sequential", config, null);
    }
}
