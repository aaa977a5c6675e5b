package dev.kerasview.diagnose;

import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keras's {@code H5IOStore.get}: the {@code vars} group at a path, with the 2.13 fallback. */
final class WeightsStore {

    private final H5Group root;

    WeightsStore(H5Group root) {
        this.root = root;
    }

    /** The {@code vars} group Keras reads for an object at this path; empty means an empty store. */
    Optional<H5Group> vars(String path) {
        if (path.isEmpty()) {
            return root.group("vars");
        }
        Optional<H5Group> g = root.find(path).flatMap(p -> p.group("vars"));
        if (g.isPresent()) {
            return g;
        }
        if (root.group("_layer_checkpoint_dependencies").isPresent()) {
            // Keras replaces every occurrence of the text, as Python's str.replace does.
            String legacy = path.replace("layers", "_layer_checkpoint_dependencies");
            return root.find(legacy).flatMap(p -> p.group("vars"));
        }
        return Optional.empty();
    }

    /** The path Keras actually reads for an object at this path, or null when none. */
    String resolvedPath(String path) {
        if (path.isEmpty()) {
            return root.group("vars").isPresent() ? "" : null;
        }
        if (root.find(path).flatMap(p -> p.group("vars")).isPresent()) {
            return path;
        }
        if (root.group("_layer_checkpoint_dependencies").isPresent()) {
            String legacy = path.replace("layers", "_layer_checkpoint_dependencies");
            if (root.find(legacy).flatMap(p -> p.group("vars")).isPresent()) {
                return legacy;
            }
        }
        return null;
    }

    /** True when a group exists at the path ({@code has_path}). */
    boolean has(String path) {
        return root.find(path).isPresent();
    }

    /** The number of keys in a vars group (datasets and any sub-groups). */
    static int keyCount(H5Group vars) {
        return vars.datasets().size() + vars.groups().size();
    }

    /** The datasets of a vars group in numeric key order ("0", "1", ..., "10"). */
    static List<H5Dataset> ordered(H5Group vars) {
        List<H5Dataset> out = new ArrayList<>(vars.datasets());
        out.sort((a, b) -> {
            Long x = number(a.key());
            Long y = number(b.key());
            if (x != null && y != null) {
                return Long.compare(x, y);
            }
            return a.key().compareTo(b.key());
        });
        return out;
    }

    private static Long number(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    H5Group root() {
        return root;
    }
}
