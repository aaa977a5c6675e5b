package dev.kerasview.diagnose;

import dev.kerasview.model.H5Group;
import java.util.ArrayList;
import java.util.List;

/** String-list attributes of legacy files, including the chunked {@code name0, name1...} form. */
final class LegacyAttributes {

    private LegacyAttributes() {
    }

    /** The strings of attribute {@code name} (or its chunks); null when absent. */
    static List<String> strings(H5Group g, String name) {
        if (g.attributes().containsKey(name)) {
            return list(g.attributes().get(name));
        }
        if (!g.attributes().containsKey(name + "0")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; g.attributes().containsKey(name + i); i++) {
            out.addAll(list(g.attributes().get(name + i)));
        }
        return out;
    }

    private static List<String> list(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof String s) {
                    out.add(s);
                } else if (o instanceof byte[] b) {
                    out.add(new String(b, java.nio.charset.StandardCharsets.UTF_8).trim());
                }
            }
        } else if (v instanceof String s) {
            out.add(s);
        } else if (v instanceof String[] arr) {
            out.addAll(List.of(arr));
        }
        return out;
    }
}
