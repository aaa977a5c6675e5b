package dev.kerasview.formats;

import dev.kerasview.model.H5Group;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads legacy string-list attributes ({@code layer_names}, {@code weight_names}), which Keras
 * splits into {@code name0, name1, ...} when large; shared by the reader, diagnoser and converter.
 */
public final class LegacyNames {

    private LegacyNames() {
    }

    /** The list under {@code name}, or the concatenated chunks {@code name0..N}; null when absent. */
    public static List<String> read(H5Group g, String name) {
        if (g.attributes().containsKey(name)) {
            return strings(g.attributes().get(name));
        }
        if (!g.attributes().containsKey(name + "0")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; g.attributes().containsKey(name + i); i++) {
            out.addAll(strings(g.attributes().get(name + i)));
        }
        return out;
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            out.add(s);
        } else if (v instanceof String[] arr) {
            out.addAll(List.of(arr));
        } else if (v instanceof List<?> l) {
            for (Object o : l) {
                // A weightless layer stores an empty float array; anything non-string is skipped.
                if (o instanceof String s) {
                    out.add(s);
                } else if (o instanceof byte[] b) {
                    out.add(new String(b, StandardCharsets.UTF_8).trim());
                }
            }
        }
        return out;
    }

    /** A weight name relative to its layer: prefixes up to the layer's own name and ":0" removed. */
    static String relative(String weightName, String layerName) {
        String n = weightName.endsWith(":0") ? weightName.substring(0, weightName.length() - 2)
                : weightName;
        String[] parts = n.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals(layerName)) {
                return String.join("/", Arrays.copyOfRange(parts, i + 1, parts.length));
            }
        }
        if (!layerName.isEmpty() && n.startsWith(layerName + "_") && n.length() > layerName.length() + 1) {
            return n.substring(layerName.length() + 1);
        }
        return n;
    }
}
