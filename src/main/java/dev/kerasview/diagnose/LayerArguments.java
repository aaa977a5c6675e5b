package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyword arguments each Keras 3.15.1 built-in layer accepts (its constructor and the base
 * Layer's), read from a table derived from the Keras source; a config key outside the set makes
 * Keras raise {@code Unrecognized keyword arguments passed to <Class>}.
 */
final class LayerArguments {

    private static final String RESOURCE = "/dev/kerasview/catalog/layer-arguments-keras-3.15.1.json";
    /** Constructor parameters without a default, from {@code inspect.signature} of each class in Keras 3.15.1. */
    private static final String REQUIRED = "/dev/kerasview/catalog/layer-required-arguments-keras-3.15.1.json";

    private final Map<String, Set<String>> accepted = table(RESOURCE);
    private final Map<String, Set<String>> required = table(REQUIRED);

    private static Map<String, Set<String>> table(String resource) {
        Map<String, Set<String>> out = new HashMap<>();
        try (InputStream in = LayerArguments.class.getResourceAsStream(resource)) {
            if (in == null) {
                return out;
            }
            JsonNode table = KerasJson.parse(in.readAllBytes());
            Iterator<Map.Entry<String, JsonNode>> it = table.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Set<String> args = new java.util.LinkedHashSet<>();
                e.getValue().forEach(a -> args.add(a.asText()));
                out.put(e.getKey(), args);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Python's {@code TypeError} when the config lacks arguments the class's constructor requires
     * ({@code Embedding.__init__() missing 1 required positional argument: 'input_dim'}), or null.
     */
    String missing(String className, JsonNode config) {
        Set<String> args = required.get(className);
        if (args == null || config == null || !config.isObject()) {
            return null;
        }
        List<String> absent = new ArrayList<>();
        for (String a : args) {
            if (!config.has(a)) {
                absent.add("'" + a + "'");
            }
        }
        if (absent.isEmpty()) {
            return null;
        }
        String names = absent.size() == 1 ? absent.get(0) : absent.size() == 2
                ? absent.get(0) + " and " + absent.get(1)
                : String.join(", ", absent.subList(0, absent.size() - 1)) + ", and " + absent.get(absent.size() - 1);
        return className + ".__init__() missing " + absent.size() + " required positional argument"
                + (absent.size() == 1 ? "" : "s") + ": " + names;
    }

    /**
     * The config keys the class rejects, formatted as Keras prints the dict
     * ({@code {'time_major': False}}), or null when all are accepted or the class is not in the
     * table.
     *
     * @param legacy true for the legacy .h5 loader, which turns {@code batch_input_shape} into an
     *               accepted argument first
     */
    String unrecognized(String className, JsonNode config, boolean legacy) {
        Set<String> args = accepted.get(className);
        if (args == null || config == null || !config.isObject()) {
            return null;
        }
        List<String> bad = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = config.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            if (args.contains(key) || (legacy && key.equals("batch_input_shape"))) {
                continue;
            }
            bad.add("'" + key + "': " + PythonValues.repr(f.getValue()));
        }
        return bad.isEmpty() ? null : "{" + String.join(", ", bad) + "}";
    }
}
