package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.catalog.LayerArgumentTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyword arguments each built-in layer of one Keras version accepts (its constructor and
 * the base Layer's), from the catalog's version table; a config key outside the set makes Keras
 * raise {@code Unrecognized keyword arguments passed to <Class>}.
 */
final class LayerArguments {

    private final LayerArgumentTable table;
    private final LayerArgumentTable newest;

    /** The newest modelled version's arguments. */
    LayerArguments() {
        this(new KerasVersionTable(), null);
    }

    /** The arguments of {@code release} (null: the newest) among the modelled versions. */
    LayerArguments(KerasVersionTable versions, KerasRelease release) {
        this.newest = new LayerArgumentTable(versions.newest());
        this.table = release == null ? newest : new LayerArgumentTable(release);
    }

    /** The Keras version whose load is replayed. */
    KerasRelease release() {
        return table.release();
    }

    /** True when the class is a built-in layer of the newest version but not of this one. */
    boolean unknownLayer(String className) {
        return !table.isLayer(className) && newest.isLayer(className);
    }

    /**
     * Python's {@code TypeError} when the config lacks arguments the class's constructor requires
     * ({@code Embedding.__init__() missing 1 required positional argument: 'input_dim'}), or null.
     */
    String missing(String className, JsonNode config) {
        Set<String> args = table.required(className);
        if (config == null || !config.isObject()) {
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
        Set<String> args = table.accepted(className);
        if (args == null || config == null || !config.isObject()
                || args.contains(LayerArgumentTable.ANY_KEYWORD)) {
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
