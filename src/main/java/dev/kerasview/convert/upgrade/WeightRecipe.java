package dev.kerasview.convert.upgrade;

import java.util.List;

/** How one layer's Keras 3 weights (trainable, then non-trainable) are built from its stored legacy weights. */
public record WeightRecipe(List<WeightPart> weights) {

    public WeightRecipe {
        weights = List.copyOf(weights);
    }
}
