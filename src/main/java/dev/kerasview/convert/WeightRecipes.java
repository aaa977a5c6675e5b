package dev.kerasview.convert;

import dev.kerasview.convert.upgrade.WeightPart;
import dev.kerasview.convert.upgrade.WeightRecipe;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the Keras 3 weights of upgraded layers from their stored legacy weights, in memory. */
final class WeightRecipes {

    private final DerivedTensors tensors;

    WeightRecipes(DerivedTensors tensors) {
        this.tensors = tensors;
    }

    /** The plan with each recipe's layer taking the weights its recipe builds. */
    WeightPlan apply(WeightPlan plan, Map<String, WeightRecipe> recipes) throws ConversionException {
        if (recipes.isEmpty()) {
            return plan;
        }
        List<PlannedLayer> layers = new ArrayList<>();
        for (PlannedLayer l : plan.layers()) {
            WeightRecipe r = recipes.get(l.name());
            layers.add(r == null || l.missing() != null ? l : new PlannedLayer(l.name(), l.className(), l.sourcePath(),
                    l.repaired(), l.missing(), build(l, r)));
        }
        return new WeightPlan(layers, plan.optimizerName(), plan.optimizerWeights(), plan.notes(), plan.unplaced());
    }

    private List<PlannedWeight> build(PlannedLayer layer, WeightRecipe recipe) throws ConversionException {
        List<PlannedWeight> out = new ArrayList<>();
        try {
            for (int i = 0; i < recipe.weights().size(); i++) {
                WeightPart part = recipe.weights().get(i);
                String name = layer.name() + "/" + i;
                if (part.constant() != null) {
                    // the value comes from the config (a tf.keras op layer's constant), not from the file
                    out.add(new PlannedWeight(name, tensors.add(name, part.constant().shape(), "float32",
                            part.constant().bytes()), true));
                    continue;
                }
                List<TensorOps.Tensor> sources = new ArrayList<>();
                String dtype = null;
                for (int index : part.sources()) {
                    if (index < 0 || index >= layer.weights().size()) {
                        throw new ConversionRefusedException(ConversionRefusal.WEIGHTS_DO_NOT_FIT, "layer '"
                                + layer.name() + "' stores " + layer.weights().size() + " weights; its upgrade needs "
                                + "weight #" + index);
                    }
                    VariableInfo v = layer.weights().get(index).source();
                    int es = TensorOps.elementSize(v.dtype());
                    if (es < 0 || (dtype != null && !dtype.equals(v.dtype()))) {
                        throw new ConversionRefusedException(ConversionRefusal.NO_EXACT_FORM, "layer '" + layer.name()
                                + "': its weights' type " + v.dtype() + " cannot be rearranged exactly");
                    }
                    dtype = v.dtype();
                    sources.add(new TensorOps.Tensor(tensors.read(v), v.shape(), es));
                }
                TensorOps.Tensor t = sources.size() == 1 ? sources.get(0) : TensorOps.concat(sources, part.concatAxis());
                int rank = t.shape().size();
                if (part.flipSpatial() && rank > 2) {
                    List<Integer> spatial = new ArrayList<>();
                    for (int a = 0; a < rank - 2; a++) {
                        // Keras's kernel layout puts spatial axes first; before a transpose they sit where it takes them from.
                        spatial.add(part.transpose() == null ? a : part.transpose()[a]);
                    }
                    t = TensorOps.flip(t, spatial);
                }
                if (part.transpose() != null) {
                    t = TensorOps.transpose(t, part.transpose());
                }
                out.add(new PlannedWeight(name, tensors.add(name, t.shape(), dtype, t.bytes()), true));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ConversionRefusedException(ConversionRefusal.WEIGHTS_DO_NOT_FIT, "layer '" + layer.name()
                    + "': its stored weights cannot be rearranged for Keras 3 (" + e.getMessage() + ")");
        }
        return out;
    }
}
