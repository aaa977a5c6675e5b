package dev.kerasview.ui;

import java.util.List;

/**
 * One key of a layer's configuration: a JSON literal ({@code 2}, {@code "relu"}, {@code null}),
 * or, for an object or array, a summary with the entries inside it.
 *
 * @param key      the key, or {@code [i]} for an array element
 * @param value    the JSON literal, or the summary of an object or array
 * @param children the entries of an object or array; empty for a literal
 */
public record ConfigEntry(String key, String value, List<ConfigEntry> children) {

    public ConfigEntry {
        children = List.copyOf(children);
    }

    /** A literal entry. */
    public ConfigEntry(String key, String value) {
        this(key, value, List.of());
    }
}
