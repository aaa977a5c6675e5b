package dev.kerasview.convert;

import dev.kerasview.catalog.VariableSpec;
import dev.kerasview.diagnose.SaveLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places a model's weights, held per layer in legacy order (the layer's trainable weights, then
 * its non-trainable ones, sub-layers included), where Keras 3's load walk looks for them. This is
 * the inverse of Keras's legacy save: the same order, checked count for count and shape for shape.
 */
final class KerasLayoutPlanner {

    /** What a person does about weights that do not fit: no conversion can change them. */
    private static final String NO_FIT = "; Keras refuses such weights whatever the format, so no conversion can"
            + " help: save the model again from the code that trained it";

    /** One variable of the layout with the ancestry that decides whether Keras counts it trainable. */
    private record Place(SaveLayout.Slot slot, int index, VariableSpec spec, boolean trainable) {
    }

    /**
     * @param root         the layout of the output's config
     * @param plan         the stored weights, per top-level layer
     * @param allowMissing place what there is when some layers' weights are absent
     */
    KerasLayout place(SaveLayout.Slot root, WeightPlan plan, boolean allowMissing) throws ConversionException {
        Map<String, PlannedLayer> byName = new LinkedHashMap<>();
        plan.layers().forEach(l -> byName.putIfAbsent(l.name(), l));
        Map<String, List<PlannedWeight>> placed = new HashMap<>();
        List<PlannedLayer> missing = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> owners = new HashSet<>();
        for (SaveLayout.Slot layer : root.children()) {
            if (!owners.add(layer.path())) {
                continue; // the model reaches this layer a second way (its layers list and an attribute)
            }
            List<Place> places = places(layer);
            PlannedLayer stored = byName.remove(layer.name());
            boolean storesWeights = stored != null && !stored.weights().isEmpty();
            if (layer.variables() == null && layer.children().isEmpty()) {
                if (storesWeights) {
                    placeCustom(layer, stored, placed, notes);
                }
                continue;
            }
            if (places.isEmpty()) {
                if (storesWeights) {
                    throw new ConversionRefusedException(ConversionRefusal.WEIGHTS_DO_NOT_FIT, "layer '"
                            + layer.name() + "' (" + layer.className() + ") creates no variables in Keras 3, "
                            + "yet the file stores " + stored.weights().size() + " weights for it");
                }
                continue;
            }
            if (stored == null || stored.weights().isEmpty() || stored.missing() != null) {
                missing.add(new PlannedLayer(layer.name(), layer.className(), null, null,
                        stored != null && stored.missing() != null ? stored.missing()
                                : "the file stores no weights for it; Keras 3 creates " + places.size(),
                        List.of()));
                continue;
            }
            List<PlannedWeight> weights = stored.weights();
            if (weights.size() != places.size() && hasUnknown(layer)) {
                throw new ConversionRefusedException(ConversionRefusal.NO_EXACT_FORM, "layer '" + layer.name() + "' ("
                        + layer.className() + ") holds custom code beside built-in layers; which of its "
                        + weights.size() + " stored weights each part takes is known only to that code");
            }
            if (weights.size() != places.size()) {
                throw new ConversionRefusedException(ConversionRefusal.WEIGHTS_DO_NOT_FIT, "layer '" + layer.name()
                        + "' (" + layer.className() + ") has " + places.size() + " weights in Keras 3 ("
                        + describe(places) + "), the file stores " + weights.size() + " ("
                        + describeStored(weights) + ")" + NO_FIT);
            }
            for (int i = 0; i < places.size(); i++) {
                Place p = places.get(i);
                PlannedWeight w = weights.get(i);
                if (p.spec().shape() != null && !p.spec().shape().equals(w.source().shape())) {
                    throw new ConversionRefusedException(ConversionRefusal.WEIGHTS_DO_NOT_FIT, "layer '"
                            + layer.name() + "' (" + layer.className() + "): its weight " + p.spec().name()
                            + " has shape " + p.spec().shape() + " in the architecture, the file stores "
                            + w.name() + " with shape " + w.source().shape() + NO_FIT);
                }
            }
            // Fill each object's list in creation order (places are in legacy order). An object that
            // several layers own (a shared layer) keeps the weights of its first owner.
            Map<String, PlannedWeight[]> ordered = new HashMap<>();
            for (int i = 0; i < places.size(); i++) {
                Place p = places.get(i);
                PlannedWeight[] arr = ordered.computeIfAbsent(p.slot().path(),
                        k -> new PlannedWeight[p.slot().variables().size()]);
                arr[p.index()] = new PlannedWeight(String.valueOf(p.index()), weights.get(i).source(), p.trainable());
            }
            ordered.forEach((path, arr) -> placed.putIfAbsent(path, List.of(arr)));
        }
        if (!missing.isEmpty() && !allowMissing) {
            throw Converter.missingWeights(missing);
        }
        byName.values().stream().filter(l -> !l.weights().isEmpty()).forEach(l -> notes.add("the weights stored for '"
                + l.name() + "' belong to no layer of the architecture and are left out (Keras ignores them too)"));
        List<KerasLayout.VarsGroup> groups = new ArrayList<>();
        for (SaveLayout.Slot s : root.flatten()) {
            groups.add(new KerasLayout.VarsGroup(s.path(), s.name() == null ? "" : s.name(),
                    placed.getOrDefault(s.path(), List.of())));
        }
        return new KerasLayout(groups, notes, missing);
    }

    /** A custom layer without sub-layers: its stored weights, in order, are its own variables. */
    private static void placeCustom(SaveLayout.Slot layer, PlannedLayer stored,
                                    Map<String, List<PlannedWeight>> placed, List<String> notes)
            {
        List<PlannedWeight> weights = new ArrayList<>();
        for (int i = 0; i < stored.weights().size(); i++) {
            weights.add(new PlannedWeight(String.valueOf(i), stored.weights().get(i).source(), true));
        }
        placed.putIfAbsent(layer.path(), weights);
        notes.add("custom layer '" + layer.name() + "' (" + layer.className() + ") gets its "
                + weights.size() + " stored weights in their stored order");
    }

    /** The variables of a layer's subtree in legacy order: trainable first, each group in creation order. */
    private static List<Place> places(SaveLayout.Slot layer) {
        List<Place> all = new ArrayList<>();
        collect(layer, true, new HashSet<>(), all);
        List<Place> out = new ArrayList<>();
        all.stream().filter(Place::trainable).forEach(out::add);
        all.stream().filter(p -> !p.trainable()).forEach(out::add);
        return out;
    }

    /** Like {@code layer.weights}: an object owned twice within the layer counts once. */
    private static void collect(SaveLayout.Slot s, boolean parentTrainable, Set<String> seen,
                                List<Place> out) {
        if (!seen.add(s.path())) {
            return;
        }
        boolean trainable = parentTrainable && s.trainable();
        if (s.variables() != null) {
            for (int i = 0; i < s.variables().size(); i++) {
                VariableSpec v = s.variables().get(i);
                out.add(new Place(s, i, v, trainable && v.trainable()));
            }
        }
        s.children().forEach(c -> collect(c, trainable, seen, out));
    }

    private static boolean hasUnknown(SaveLayout.Slot s) {
        return s.variables() == null || s.children().stream().anyMatch(KerasLayoutPlanner::hasUnknown);
    }

    private static String describe(List<Place> places) {
        return String.join(", ", places.stream().map(p -> p.spec().name()
                + (p.spec().shape() != null ? " " + p.spec().shape() : "")).toList());
    }

    private static String describeStored(List<PlannedWeight> weights) {
        return String.join(", ", weights.stream().map(w -> w.name() + " " + w.source().shape()).toList());
    }
}
