package dev.kerasview.diagnose;

import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Weight groups with data that no object of the rebuilt model reads: Keras ignores them silently. */
final class OrphanGroups {

    private final H5Group weights;

    OrphanGroups(H5Group weights) {
        this.weights = weights;
    }

    List<Finding> find(Set<String> read, Set<String> claimed) {
        List<Finding> out = new ArrayList<>();
        collect(weights, read, claimed, out);
        return out;
    }

    private void collect(H5Group g, Set<String> read, Set<String> claimed, List<Finding> out) {
        String path = g.path();
        for (String c : claimed) {
            if (c.isEmpty() || path.equals(c) || path.startsWith(c + "/")) {
                return;
            }
        }
        if (path.equals("optimizer") || path.startsWith("optimizer/")) {
            return;
        }
        var vars = g.group("vars");
        if (vars.isPresent() && !vars.get().datasets().isEmpty() && !read.contains(path)) {
            String name = vars.get().stringAttribute("name");
            out.add(Finding.warning(FindingCode.ORPHAN_WEIGHTS)
                    .layer(name).path(path).found((long) vars.get().datasets().size())
                    .message("No layer of the rebuilt model reads the "
                            + vars.get().datasets().size() + " variables stored at '" + path + "'"
                            + (name == null ? "" : " (layer '" + name + "')")
                            + "; Keras ignores them without a warning.")
                    .cause("The group belongs to no object Keras rebuilds from the config (a "
                            + "renamed or removed layer, or an edited file).")
                    .remedies(Remedies.CONVERT)
                    .build());
        }
        for (H5Group child : g.groups()) {
            if (!child.key().equals("vars")) {
                collect(child, read, claimed, out);
            }
        }
    }
}
