package dev.kerasview.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A group of an HDF5 file as a structure: its attributes, sub-groups and datasets.
 *
 * @param path       absolute path without leading slash; {@code ""} for the root
 * @param attributes the group's attributes (String, List of String, Number or List of Number)
 * @param groups     sub-groups in name order
 * @param datasets   datasets; inside a Keras 3 {@code vars} group sorted numerically by key
 * @param problem    why this group could not be read (its content is then empty), or null
 */
public record H5Group(String path, Map<String, Object> attributes, List<H5Group> groups,
                      List<H5Dataset> datasets, String problem) {

    public H5Group {
        attributes = Map.copyOf(attributes);
        groups = GroupList.of(groups);
        datasets = List.copyOf(datasets);
    }

    /** The last path segment ({@code ""} for the root). */
    public String key() {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    /** Direct sub-group by name. */
    public Optional<H5Group> group(String name) {
        return Optional.ofNullable(((GroupList) groups).byKey(name));
    }

    /** Descendant group by relative path ({@code layers/dense/vars}); empty string is this group. */
    public Optional<H5Group> find(String relativePath) {
        if (relativePath.isEmpty()) {
            return Optional.of(this);
        }
        H5Group g = this;
        for (String part : relativePath.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<H5Group> next = g.group(part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            g = next.get();
        }
        return Optional.of(g);
    }

    /** Descendant dataset by relative path ({@code dense/kernel}), or empty. */
    public Optional<H5Dataset> findDataset(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        Optional<H5Group> parent = slash < 0 ? Optional.of(this) : find(relativePath.substring(0, slash));
        String key = relativePath.substring(slash + 1);
        return parent.flatMap(p -> p.datasets().stream().filter(d -> d.key().equals(key)).findFirst());
    }

    /** A string attribute, or null when absent or not a string. */
    public String stringAttribute(String name) {
        Object v = attributes.get(name);
        return v instanceof String s ? s : null;
    }
}
