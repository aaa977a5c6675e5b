package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.catalog.SubLayerSpec;
import dev.kerasview.catalog.VariableSpec;
import dev.kerasview.model.VariableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names and trainable flags of a layer's own stored variables: from the layer catalog, else
 * from the reader's names, else from the few classes every model uses, else the dataset key.
 */
final class VariableNames {

    /** Own variables of common built-ins in saved order; trainable unless listed in NON_TRAINABLE. */
    private static final Map<String, List<String>> COMMON = Map.ofEntries(
            Map.entry("Dense", List.of("kernel", "bias")),
            Map.entry("EinsumDense", List.of("kernel", "bias")),
            Map.entry("Conv1D", List.of("kernel", "bias")),
            Map.entry("Conv2D", List.of("kernel", "bias")),
            Map.entry("Conv3D", List.of("kernel", "bias")),
            Map.entry("Conv1DTranspose", List.of("kernel", "bias")),
            Map.entry("Conv2DTranspose", List.of("kernel", "bias")),
            Map.entry("Conv3DTranspose", List.of("kernel", "bias")),
            Map.entry("DepthwiseConv1D", List.of("kernel", "bias")),
            Map.entry("DepthwiseConv2D", List.of("kernel", "bias")),
            Map.entry("SeparableConv1D", List.of("depthwise_kernel", "pointwise_kernel", "bias")),
            Map.entry("SeparableConv2D", List.of("depthwise_kernel", "pointwise_kernel", "bias")),
            Map.entry("Embedding", List.of("embeddings")),
            Map.entry("LayerNormalization", List.of("gamma", "beta")),
            Map.entry("GroupNormalization", List.of("gamma", "beta")),
            Map.entry("RMSNormalization", List.of("scale")),
            Map.entry("PReLU", List.of("alpha")),
            Map.entry("LSTMCell", List.of("kernel", "recurrent_kernel", "bias")),
            Map.entry("GRUCell", List.of("kernel", "recurrent_kernel", "bias")),
            Map.entry("SimpleRNNCell", List.of("kernel", "recurrent_kernel", "bias")),
            Map.entry("ConvLSTMCell", List.of("kernel", "recurrent_kernel", "bias")),
            Map.entry("Normalization", List.of("mean", "variance", "count")),
            Map.entry("SpectralNormalization", List.of("kernel", "vector_u")));

    private final LayerCatalog catalog;

    VariableNames(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    /** A stored variable's name and flag. */
    record Named(String name, boolean trainable) {
    }

    /**
     * @param stored the reader's description of the datasets, in saved order (names may be keys)
     */
    List<Named> names(String className, JsonNode config, JsonNode buildConfig,
                      List<VariableInfo> stored) {
        int n = stored.size();
        Optional<List<VariableSpec>> fromCatalog = fromCatalog(className, config, buildConfig);
        if (fromCatalog.isPresent() && fromCatalog.get().size() == n) {
            return fromCatalog.get().stream().map(s -> new Named(s.name(), s.trainable())).toList();
        }
        boolean readerNamed = stored.stream().noneMatch(v -> v.name().matches("\\d+"));
        if (readerNamed && n > 0) {
            return stored.stream().map(v -> new Named(v.name(), v.trainable())).toList();
        }
        List<Named> common = common(className, config, n);
        if (common != null) {
            return common;
        }
        List<Named> out = new ArrayList<>();
        for (VariableInfo v : stored) {
            out.add(new Named(v.name(), v.trainable()));
        }
        return out;
    }

    /**
     * The envelope the catalog gives a built-in composite's sub-layer at {@code attribute}
     * (class, config with the dtype policy its owner hands it, build_config), or null.
     */
    JsonNode subLayerEnvelope(String ownerClass, JsonNode ownerConfig, JsonNode ownerBuild,
                              String attribute) {
        if (catalog == null || ownerClass == null) {
            return null;
        }
        for (SubLayerSpec sub : catalog.subLayers(ownerClass, ownerConfig, ownerBuild)) {
            if (sub.attribute().equals(attribute)) {
                ObjectNode env = JsonNodeFactory.instance.objectNode();
                env.put("class_name", sub.className());
                env.set("config", catalog.configOf(sub));
                JsonNode build = catalog.buildConfigOf(sub);
                if (build != null) {
                    env.set("build_config", build);
                }
                return env;
            }
        }
        return null;
    }

    private Optional<List<VariableSpec>> fromCatalog(String className, JsonNode config, JsonNode buildConfig) {
        if (catalog == null || className == null) {
            return Optional.empty();
        }
        try {
            return catalog.ownVariables(className, config, buildConfig);
        } catch (RuntimeException notAvailable) {
            // The catalog is optional knowledge: without it the fallbacks below still name variables.
            return Optional.empty();
        }
    }

    private static List<Named> common(String className, JsonNode config, int n) {
        if (className == null) {
            return null;
        }
        if ("BatchNormalization".equals(className)) {
            List<Named> out = new ArrayList<>();
            boolean scale = config == null || config.path("scale").asBoolean(true);
            boolean center = config == null || config.path("center").asBoolean(true);
            if (scale) {
                out.add(new Named("gamma", true));
            }
            if (center) {
                out.add(new Named("beta", true));
            }
            out.add(new Named("moving_mean", false));
            out.add(new Named("moving_variance", false));
            if (config != null && config.path("renorm").asBoolean(false)) {
                out.add(new Named("moving_stddev", false));
                out.add(new Named("renorm_mean", false));
                out.add(new Named("renorm_stddev", false));
            }
            return out.size() == n ? out : null;
        }
        List<String> names = COMMON.get(className);
        if (names == null) {
            return null;
        }
        if (className.startsWith("LayerNormalization") || className.equals("GroupNormalization")) {
            boolean scale = config == null || config.path("scale").asBoolean(true)
                    || config.path("rms_scaling").asBoolean(false);
            boolean center = config == null || (config.path("center").asBoolean(true)
                    && !config.path("rms_scaling").asBoolean(false));
            List<Named> out = new ArrayList<>();
            if (scale) {
                out.add(new Named("gamma", true));
            }
            if (center) {
                out.add(new Named("beta", true));
            }
            return out.size() == n ? out : null;
        }
        if (names.size() < n) {
            return null;
        }
        // Layers without bias keep their first names (bias is always last).
        List<String> chosen = names.size() == n ? names : names.subList(0, n);
        boolean allNonTrainable = className.equals("Normalization");
        List<Named> out = new ArrayList<>();
        for (String s : chosen) {
            boolean trainable = !allNonTrainable && !s.equals("vector_u");
            out.add(new Named(s, trainable));
        }
        return out;
    }
}
