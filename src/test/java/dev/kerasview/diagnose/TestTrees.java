package dev.kerasview.diagnose;

import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test-only: small weights trees written as "path → number of datasets" pairs. */
final class TestTrees {

    private TestTrees() {
    }

    /**
     * {@code of("layers/dense", 2, "optimizer", 4)}: each path gets a vars group with n datasets
     * of shape [2]; a value may instead be a list of shapes ({@code List.of(List.of(3L, 2L))}),
     * and {@code "layers/dense@z_mean"} sets the group's {@code name} attribute.
     */
    static H5Group of(Object... pathsAndCounts) {
        Map<String, Object> vars = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndCounts.length; i += 2) {
            String key = (String) pathsAndCounts[i];
            if (key.contains("@")) {
                names.put(key.substring(0, key.indexOf('@')), key.substring(key.indexOf('@') + 1));
                key = key.substring(0, key.indexOf('@'));
            }
            vars.put(key, pathsAndCounts[i + 1]);
        }
        return build("", vars, names);
    }

    /** Kernel and bias shapes of a Dense layer. */
    static List<List<Long>> dense(long in, long units) {
        return List.of(List.of(in, units), List.of(units));
    }

    @SuppressWarnings("unchecked")
    private static List<List<Long>> shapes(Object spec) {
        if (spec instanceof Integer n) {
            List<List<Long>> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(List.of(2L));
            }
            return out;
        }
        return (List<List<Long>>) spec;
    }

    private static H5Group build(String path, Map<String, Object> vars,
                                 Map<String, String> names) {
        TreeMap<String, Map<String, Object>> children = new TreeMap<>();
        List<H5Dataset> datasets = new ArrayList<>();
        List<H5Group> groups = new ArrayList<>();
        for (Map.Entry<String, Object> e : vars.entrySet()) {
            String rel = path.isEmpty() ? e.getKey()
                    : e.getKey().startsWith(path + "/") ? e.getKey().substring(path.length() + 1)
                    : e.getKey().equals(path) ? "" : null;
            if (rel == null) {
                continue;
            }
            if (rel.isEmpty()) {
                String varsPath = path.isEmpty() ? "vars" : path + "/vars";
                List<H5Dataset> ds = new ArrayList<>();
                List<List<Long>> shapes = shapes(e.getValue());
                for (int i = 0; i < shapes.size(); i++) {
                    ds.add(new H5Dataset(varsPath + "/" + i, shapes.get(i), "float32", 8,
                            Map.of()));
                }
                groups.add(new H5Group(varsPath, Map.of("name", names.getOrDefault(e.getKey(),
                        "x")), List.of(), ds, null));
                continue;
            }
            String head = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : rel;
            children.computeIfAbsent(head, k -> new LinkedHashMap<>()).put(e.getKey(),
                    e.getValue());
        }
        for (Map.Entry<String, Map<String, Object>> c : children.entrySet()) {
            String childPath = path.isEmpty() ? c.getKey() : path + "/" + c.getKey();
            groups.add(build(childPath, c.getValue(), names));
        }
        return new H5Group(path, Map.of(), groups, datasets, null);
    }
}
