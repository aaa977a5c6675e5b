package dev.kerasview.convert.upgrade;

import dev.kerasview.catalog.LayerArgumentTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one upgrade collects on the way: the source, the notes, the recipes and the custom names. */
final class UpgradeRun {

    final SourceInfo source;
    /** What each Keras 3 built-in layer accepts. */
    final LayerArgumentTable arguments;
    final List<String> notes = new ArrayList<>();
    final Map<String, WeightRecipe> recipes = new LinkedHashMap<>();
    final Set<String> customNames = new LinkedHashSet<>();
    /** How many models enclose the layer being upgraded: 1 for the root model's own layers. */
    int modelDepth;

    /** Whether the config is in Keras 3's envelope form (a root {@code module} key), which only Keras 3 writes. */
    private final boolean keras3Form;

    UpgradeRun(SourceInfo source, boolean keras3Form, LayerArgumentTable arguments) {
        this.source = source == null ? new SourceInfo(null, null) : source;
        this.arguments = arguments;
        this.keras3Form = keras3Form;
    }

    void note(String sentence) {
        notes.add(sentence);
    }

    /**
     * True when the config predates Keras 3: its version says so, or it names no version and is not in Keras 3's
     * envelope form (Keras 3 records its version in every h5 and writes module keys in every to_json).
     */
    boolean preKeras3() {
        int major = source.kerasMajor();
        return major > 0 ? major < 3 : !keras3Form;
    }

    /** True for a Keras 1 file, whose argument names and weight layouts differ most. */
    boolean keras1() {
        return source.kerasMajor() == 1;
    }
}
