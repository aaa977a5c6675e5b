package dev.kerasview.diagnose;

import dev.kerasview.catalog.VariableSpec;
import dev.kerasview.model.H5Group;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trainable variables of the rebuilt model, which the optimizer is built against: certain
 * for built-in layers (catalog flags, a non-trainable parent freezing its children), uncertain
 * for custom layers, whose stored datasets are counted without knowing which are trainable.
 *
 * @param certain   trainable variables of known layers
 * @param uncertain variables of custom layers that may or may not be trainable
 */
record TrainableCount(int certain, int uncertain) {

    static TrainableCount of(Saveable model, Map<Saveable, String> paths, Set<String> readPaths,
                             H5Group weights, GroupClasses classes) {
        int[] counts = new int[2];
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        visit(model, true, seen, counts, paths, readPaths, weights, classes);
        return new TrainableCount(counts[0], counts[1]);
    }

    private static void visit(Object value, boolean trainable, Set<Object> seen, int[] counts,
                              Map<Saveable, String> paths, Set<String> readPaths,
                              H5Group weights, GroupClasses classes) {
        if (!seen.add(value)) {
            return;
        }
        if (value instanceof List<?> list) {
            for (Object o : list) {
                visit(o, trainable, seen, counts, paths, readPaths, weights, classes);
            }
            return;
        }
        if (!(value instanceof Saveable s) || s.type() == Saveable.Type.OPTIMIZER) {
            return;
        }
        boolean on = trainable && s.trainable();
        if (s.known()) {
            if (on) {
                for (VariableSpec v : s.variables()) {
                    if (v.trainable()) {
                        counts[0]++;
                    }
                }
            }
        } else if (on) {
            String path = paths.get(s);
            if (path != null && weights != null) {
                H5Group g = path.isEmpty() ? weights : weights.find(path).orElse(null);
                if (g != null) {
                    unread(g, path, readPaths, true, classes, counts);
                }
            }
        }
        for (Saveable.Attribute a : s.attributes()) {
            visit(a.value(), on, seen, counts, paths, readPaths, weights, classes);
        }
    }

    /**
     * Datasets in the subtree's vars groups that no known object reads: trainable per the
     * catalog when the group's class is recognisable and its count matches, else uncertain.
     */
    private static void unread(H5Group g, String path, Set<String> readPaths, boolean own,
                               GroupClasses classes, int[] counts) {
        if (!own && readPaths.contains(path)) {
            return;
        }
        if (path.equals("optimizer") || path.endsWith("/optimizer")) {
            return;
        }
        for (H5Group child : g.groups()) {
            if (child.key().equals("vars")) {
                int n = child.datasets().size();
                List<VariableSpec> defaults = own ? List.of()
                        : classes.defaults(classes.classOf(g));
                if (n > 0 && defaults.size() == n) {
                    counts[0] += (int) defaults.stream().filter(VariableSpec::trainable).count();
                } else {
                    counts[1] += n;
                }
            } else {
                String childPath = path.isEmpty() ? child.key() : path + "/" + child.key();
                unread(child, childPath, readPaths, false, classes, counts);
            }
        }
    }
}
