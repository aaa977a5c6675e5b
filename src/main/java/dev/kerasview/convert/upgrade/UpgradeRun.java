package dev.kerasview.convert.upgrade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one upgrade collects on the way: the source, the notes, the recipes and the custom names. */
final class UpgradeRun {

    final SourceInfo source;
    final List<String> notes = new ArrayList<>();
    final Map<String, WeightRecipe> recipes = new LinkedHashMap<>();
    final Set<String> customNames = new LinkedHashSet<>();
    /** How many models enclose the layer being upgraded: 1 for the root model's own layers. */
    int modelDepth;

    UpgradeRun(SourceInfo source) {
        this.source = source == null ? new SourceInfo(null, null) : source;
    }

    void note(String sentence) {
        notes.add(sentence);
    }

    /** True when the config predates Keras 3 (its version says so, or it names none and is not in Keras 3 form). */
    boolean preKeras3() {
        int major = source.kerasMajor();
        return major > 0 && major < 3;
    }

    /** True for a Keras 1 file, whose argument names and weight layouts differ most. */
    boolean keras1() {
        return source.kerasMajor() == 1;
    }
}
