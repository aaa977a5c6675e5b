package dev.kerasview.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Keras release number such as 3.12.0, ordered numerically. */
public record KerasVersion(List<Integer> parts) implements Comparable<KerasVersion> {

    public KerasVersion {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a version has at least one number");
        }
    }

    /** The version written as dot-separated numbers ("3.12", "3.12.0"), empty when it is not one. */
    public static Optional<KerasVersion> parse(String text) {
        if (text == null || !text.strip().matches("\\d+(\\.\\d+)*")) {
            return Optional.empty();
        }
        List<Integer> parts = new ArrayList<>();
        for (String p : text.strip().split("\\.")) {
            parts.add(Integer.parseInt(p));
        }
        return Optional.of(new KerasVersion(parts));
    }

    /** True when this version is {@code prefix} or a release under it (3.12.0 under 3.12). */
    public boolean startsWith(KerasVersion prefix) {
        return prefix.parts.size() <= parts.size()
                && parts.subList(0, prefix.parts.size()).equals(prefix.parts);
    }

    @Override
    public int compareTo(KerasVersion o) {
        for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
            int a = i < parts.size() ? parts.get(i) : 0;
            int b = i < o.parts.size() ? o.parts.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.join(".", parts.stream().map(String::valueOf).toList());
    }
}
