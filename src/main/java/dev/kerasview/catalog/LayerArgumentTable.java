package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The constructor arguments of each Keras 3.15.1 built-in layer, from tables derived from the
 * Keras source: every keyword its constructor (and the base Layer's) accepts, and the ones it
 * requires. One table serves the load replay and the config upgrader.
 */
public final class LayerArgumentTable {

    private static final String ACCEPTED = "/dev/kerasview/catalog/layer-arguments-keras-3.15.1.json";
    /** Constructor parameters without a default, from {@code inspect.signature} of each class. */
    private static final String REQUIRED = "/dev/kerasview/catalog/layer-required-arguments-keras-3.15.1.json";

    private final Map<String, Set<String>> accepted = read(ACCEPTED);
    private final Map<String, Set<String>> required = read(REQUIRED);

    /** True when the class is a Keras 3.15.1 built-in layer the table describes. */
    public boolean isLayer(String className) {
        return accepted.containsKey(className);
    }

    /** The keywords the class accepts, or null when the class is not in the table. */
    public Set<String> accepted(String className) {
        return accepted.get(className);
    }

    /** The arguments the class's constructor requires, in order; empty when none or unknown. */
    public Set<String> required(String className) {
        return required.getOrDefault(className, Set.of());
    }

    private static Map<String, Set<String>> read(String resource) {
        Map<String, Set<String>> out = new HashMap<>();
        try (InputStream in = LayerArgumentTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the table " + resource + " is missing from the build");
            }
            Iterator<Map.Entry<String, JsonNode>> it = KerasJson.parse(in.readAllBytes()).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Set<String> args = new LinkedHashSet<>();
                e.getValue().forEach(a -> args.add(a.asText()));
                out.put(e.getKey(), Collections.unmodifiableSet(args));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
