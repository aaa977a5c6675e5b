package dev.kerasview.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stored variable becomes which weight of the converted file.
 *
 * @param layers           top-level layers in {@code model.layers} order
 * @param optimizerName    the optimizer's name ({@code adam}), or null when no state is written
 * @param optimizerWeights the optimizer's variables with their legacy names, in saved order
 * @param notes            plain statements about choices made (repairs, skipped optimizer state)
 * @param unplaced         stored layer variables (dataset paths) that no layer of the config takes
 */
public record WeightPlan(List<PlannedLayer> layers, String optimizerName,
                         List<PlannedWeight> optimizerWeights, List<String> notes, List<String> unplaced) {

    public WeightPlan {
        layers = List.copyOf(layers);
        optimizerWeights = List.copyOf(optimizerWeights);
        notes = List.copyOf(notes);
        unplaced = List.copyOf(unplaced);
    }

    /** True when the store holds layer variables but none of them has a place in the output. */
    public boolean placesNothing() {
        return !unplaced.isEmpty() && layers.stream().allMatch(l -> l.weights().isEmpty());
    }

    /** The same plan without optimizer state. */
    public WeightPlan withoutOptimizer() {
        return new WeightPlan(layers, null, List.of(), notes, unplaced);
    }

    /** Layers whose weights are absent from the source. */
    public List<PlannedLayer> missingLayers() {
        return layers.stream().filter(l -> l.missing() != null).toList();
    }

    /** Every planned weight (layers then optimizer). */
    public List<PlannedWeight> allWeights() {
        var all = new ArrayList<PlannedWeight>();
        layers.forEach(l -> all.addAll(l.weights()));
        all.addAll(optimizerWeights);
        return all;
    }

    /** Bytes the weights occupy (for progress). */
    public long totalBytes() {
        return allWeights().stream().mapToLong(w -> w.source().byteSize()).sum();
    }
}
