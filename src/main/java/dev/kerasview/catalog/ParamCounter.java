package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.model.ParamCount;
import dev.kerasview.model.Shapes;
import java.util.List;
import java.util.Optional;

/** A built-in layer's {@code count_params()}: its own variables plus its sub-layers'. */
final class ParamCounter {

    private final LayerCatalog catalog;

    ParamCounter(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param frozen true when the layer or one of its parents has {@code trainable: false}
     * @return the count, or null when the class is not a known built-in
     */
    ParamCount count(String className, JsonNode config, JsonNode buildConfig, boolean frozen) {
        Optional<List<VariableSpec>> own = catalog.ownVariables(className, config, buildConfig);
        if (own.isEmpty()) {
            return null;
        }
        boolean off = frozen || !Dims.flag(config, "trainable", true);
        ParamCount sum = ParamCount.ZERO;
        for (VariableSpec v : LoraVariables.withLora(className, config, own.get())) {
            if (v.shape() == null) {
                return ParamCount.UNKNOWN;
            }
            long n = Shapes.elementCount(v.shape());
            sum = sum.plus(v.trainable() && !off ? ParamCount.of(n, 0) : ParamCount.of(0, n));
        }
        ParamCount subs = subLayers(className, config, buildConfig, off);
        return subs == null ? ParamCount.UNKNOWN : sum.plus(subs);
    }

    private ParamCount subLayers(String className, JsonNode config, JsonNode buildConfig,
                                 boolean frozen) {
        ParamCount sum = ParamCount.ZERO;
        for (SubLayerSpec sub : catalog.subLayers(className, config, buildConfig)) {
            ParamCount c = count(sub.className(), catalog.configOf(sub),
                    catalog.buildConfigOf(sub), frozen);
            if (c == null) {
                return null;
            }
            sum = sum.plus(c);
        }
        return sum;
    }
}
