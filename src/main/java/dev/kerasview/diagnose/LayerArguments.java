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

    private final Map<String, Set<String>> accepted = new HashMap<>();

    LayerArguments() {
        try (InputStream in = LayerArguments.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return;
            }
            JsonNode table = KerasJson.parse(in.readAllBytes());
            Iterator<Map.Entry<String, JsonNode>> it = table.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Set<String> args = new HashSet<>();
                e.getValue().forEach(a -> args.add(a.asText()));
                accepted.put(e.getKey(), args);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
