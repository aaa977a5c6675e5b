package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Decides, per layer, whether its stored weights need a recipe, and records it under the layer's name. */
final class WeightRecipes {

    private final UpgradeRun run;

    WeightRecipes(UpgradeRun run) {
        this.run = run;
    }

    /**
     * @param className  the Keras 3 class of the layer
     * @param config     its upgraded config
     * @param keras1     whether the layer's weights are in Keras 1's layout
     * @param topLevel   whether the layer owns a weights group of its own (not inside a nested model)
     */
    void layer(String className, String name, JsonNode config, boolean keras1, boolean topLevel)
            throws UpgradeRefusedException {
        List<WeightPart> parts;
        if ("Bidirectional".equals(className)) {
            parts = bidirectional(name, config, keras1);
        } else {
            parts = own(className, name, config, keras1, 0);
        }
        if (parts == null) {
            return;
        }
        if (!topLevel) {
            throw new UpgradeRefusedException(Reason.INEXACT, List.of(name),
                    "Layer '" + name + "' sits inside a nested model and its stored weights need rearranging ("
                            + (keras1 ? "Keras 1 layout" : "Theano kernels") + "); kerasview rearranges only the"
                            + " weights of top-level layers. Load the file in Keras 2, save it again and convert that file.");
        }
        run.recipes.put(name, new WeightRecipe(parts));
        run.note("Layer '" + name + "': its stored weights are rearranged into Keras 3's layout ("
                + (keras1 ? "Keras 1 order" : "") + (keras1 && run.source.theano() ? ", " : "")
                + (run.source.theano() ? "Theano kernels flipped" : "") + ").");
    }

    private List<WeightPart> bidirectional(String name, JsonNode config, boolean keras1) throws UpgradeRefusedException {
        JsonNode inner = config.path("layer");
        String cls = Json.text(inner.get("class_name"));
        List<WeightPart> forward = own(cls, name, inner.path("config"), keras1, 0);
        if (forward == null) {
            return null;
        }
        int count = keras1 ? RnnWeights.keras1Count(cls) : forward.size();
        List<WeightPart> parts = new ArrayList<>(forward);
        parts.addAll(own(cls, name, inner.path("config"), keras1, count));
        return parts;
    }

    private List<WeightPart> own(String className, String name, JsonNode config, boolean keras1, int offset)
            throws UpgradeRefusedException {
        boolean flip = run.source.theano() && ConvolutionKernels.FLIPPED.contains(className);
        int[] transpose = keras1 ? ConvolutionKernels.keras1Transpose(className, config, name) : null;
        if (flip && transpose != null) {
            throw new UpgradeRefusedException(Reason.INEXACT, List.of(name),
                    className + " '" + name + "' holds Keras 1 Theano kernels in channels-first order, which need both"
                            + " a flip and an axis permutation in an order kerasview does not yet express. Load the file"
                            + " in Keras 2, save it again and convert that file.");
        }
        if (keras1) {
            List<WeightPart> rnn = RnnWeights.keras1(className, offset, transpose);
            if (rnn != null) {
                return rnn;
            }
        }
        if (!flip && transpose == null) {
            return null;
        }
        boolean bias = config.path("use_bias").asBoolean(true);
        List<WeightPart> parts = new ArrayList<>();
        parts.add(new WeightPart(List.of(offset), 0, flip, transpose));
        if ("ConvLSTM2D".equals(className)) {
            parts.add(new WeightPart(List.of(offset + 1), 0, flip, transpose));
            parts.add(WeightPart.copy(offset + 2));
        } else if (bias) {
            parts.add(WeightPart.copy(offset + 1));
        }
        return parts;
    }
}
