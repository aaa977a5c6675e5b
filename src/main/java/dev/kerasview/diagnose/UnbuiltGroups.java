package dev.kerasview.diagnose;

import dev.kerasview.catalog.VariableSpec;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * FAILURES.md F1: inside a custom model, whose sub-layers only the file describes, a group
 * named for a weight-bearing built-in class ({@code layers/dense}) with a layer name but no
 * datasets is a layer that was unbuilt when saved. When the model builds itself on load
 * ({@code build_config}), that layer gets variables the file cannot fill.
 */
final class UnbuiltGroups {

    /** One such layer: where, its name, its class, and the variables Keras will create. */
    record Unbuilt(String path, String name, String className, List<VariableSpec> expected) {
    }

    private final GroupClasses classes;

    UnbuiltGroups(GroupClasses classes) {
        this.classes = classes;
    }

    List<Unbuilt> find(H5Group weights, LoadWalk.Result walk) {
        List<Unbuilt> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String claimed : walk.claimedSubtrees()) {
            H5Group root = claimed.isEmpty() ? weights : weights.find(claimed).orElse(null);
            if (root != null) {
                collect(root, claimed, walk.readPaths(), names, out);
            }
        }
        return out;
    }

    private void collect(H5Group g, String claimedRoot, Set<String> read, Set<String> names,
                         List<Unbuilt> out) {
        String path = g.path();
        if (path.equals("optimizer") || path.startsWith("optimizer/")) {
            return;
        }
        var vars = g.group("vars");
        if (vars.isPresent() && !path.equals(claimedRoot) && !read.contains(path)
                && vars.get().datasets().isEmpty() && vars.get().groups().isEmpty()
                && vars.get().problem() == null) {
            String name = vars.get().stringAttribute("name");
            String cls = classes.classOf(g);
            if (name != null && cls != null && names.add(name)) {
                List<VariableSpec> expected = classes.defaults(cls);
                if (!expected.isEmpty()) {
                    out.add(new Unbuilt(path, name, cls, expected));
                }
            }
        }
        for (H5Group child : g.groups()) {
            if (!child.key().equals("vars")) {
                collect(child, claimedRoot, read, names, out);
            }
        }
    }

    /** An error when the model will build these layers on load, else a warning. */
    static Finding finding(Unbuilt u, boolean builtOnLoad) {
        if (builtOnLoad) {
            return Finding.error(FindingCode.VARIABLE_COUNT)
                    .layer(u.name()).className(u.className()).path(u.path())
                    .expected((long) u.expected().size()).found(0L)
                    .message("Layer '" + u.name() + "' expected " + u.expected().size()
                            + " variables, but received 0 variables during loading. Expected: "
                            + LoadWalk.names(u.expected()))
                    .cause("The layer was unbuilt when the model was saved, so the file has its "
                            + "group but no weights; the model builds it when loading (it has a "
                            + "build config), and its variables find nothing to load.")
                    .remedies(Remedies.BUILD_BEFORE_SAVE, Remedies.SKIP_MISMATCH)
                    .build();
        }
        return Finding.warning(FindingCode.UNBUILT_AT_SAVE)
                .layer(u.name()).className(u.className()).path(u.path())
                .expected((long) u.expected().size()).found(0L)
                .message("Layer '" + u.name() + "' (" + u.className() + ") was saved unbuilt: the "
                        + "file has no weights for it.")
                .cause("If the loading code builds this layer, Keras fails with 'expected "
                        + u.expected().size() + " variables, but received 0'.")
                .remedies(Remedies.BUILD_BEFORE_SAVE)
                .build();
    }
}
