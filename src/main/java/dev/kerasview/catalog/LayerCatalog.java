package dev.kerasview.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.config.KerasJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables and composite sub-layers of Keras's built-in layer classes (KERAS_FORMATS.md §7).
 */
public final class LayerCatalog {

    private final Map<String, VariableRule> rules = new HashMap<>();

    /** A catalog of the Keras 3.15.1 built-in layers. */
    public LayerCatalog() {
        rules.put("Dense", CoreRules::dense);
        rules.put("EinsumDense", CoreRules::einsumDense);
        rules.put("Embedding", CoreRules::embedding);
        for (int rank = 1; rank <= 3; rank++) {
            rules.put("Conv" + rank + "D", ConvolutionRules.conv(rank));
            rules.put("Convolution" + rank + "D", ConvolutionRules.conv(rank));
            rules.put("Conv" + rank + "DTranspose", ConvolutionRules.transpose(rank));
            rules.put("Convolution" + rank + "DTranspose", ConvolutionRules.transpose(rank));
        }
        for (int rank = 1; rank <= 2; rank++) {
            rules.put("DepthwiseConv" + rank + "D", ConvolutionRules.depthwise(rank));
            rules.put("SeparableConv" + rank + "D", ConvolutionRules.separable(rank));
            rules.put("SeparableConvolution" + rank + "D", ConvolutionRules.separable(rank));
        }
        rules.put("ConvLSTMCell", (config, shapes) -> {
            List<Long> ks = Dims.fromJson(config == null ? null : config.get("kernel_size"));
            int rank = ks == null ? Math.max(1, sizeOf(shapes.input()) - 2) : ks.size();
            return ConvolutionRules.convLstmCell(rank).variables(config, shapes);
        });
        rules.put("BatchNormalization", NormalizationRules::batchNormalization);
        rules.put("LayerNormalization", NormalizationRules::layerNormalization);
        rules.put("GroupNormalization", NormalizationRules::groupNormalization);
        rules.put("RMSNormalization", NormalizationRules::rmsNormalization);
        rules.put("Normalization", NormalizationRules::normalization);
        rules.put("PReLU", NormalizationRules::prelu);
        rules.put("SimpleRNNCell", RecurrentRules.cell(1));
        rules.put("LSTMCell", RecurrentRules.cell(4));
        rules.put("GRUCell", RecurrentRules.cell(3));
        rules.put("Attention", AttentionRules::attention);
        rules.put("AdditiveAttention", AttentionRules::additiveAttention);
        rules.put("SpectralNormalization", LayerCatalog::spectralNormalization);
        VariableRule lookup = (config, shapes) ->
                "tf_idf".equals(Dims.text(config, "output_mode", ""))
                        ? List.of(new VariableSpec("idf_weights", null, false)) : List.of();
        rules.put("StringLookup", lookup);
        rules.put("IntegerLookup", lookup);
        rules.put("TextVectorization", lookup);
        for (String weightless : BuiltInClasses.WEIGHTLESS) {
            rules.put(weightless, (config, shapes) -> List.of());
        }
    }

    /**
     * The variables a built-in layer creates itself (not its sub-layers), in saved order.
     *
     * @param className   Keras class name ({@code Dense})
     * @param config      the layer's {@code config} object
     * @param buildConfig the layer's {@code build_config} object, or null (shapes are then null
     *                    where they depend on the input)
     * @return empty when the class is not a known built-in
     */
    public Optional<List<VariableSpec>> ownVariables(String className, JsonNode config,
                                                     JsonNode buildConfig) {
        VariableRule rule = className == null ? null : rules.get(className);
        if (rule == null) {
            return Optional.empty();
        }
        JsonNode c = config == null ? JsonNodeFactory.instance.objectNode() : config;
        return Optional.of(List.copyOf(rule.variables(c, new BuildShapes(buildConfig))));
    }

    /**
     * The variables a built-in layer creates itself, in the order its {@code build()} creates
     * them (the order of {@code layer.weights}, which the legacy .h5 loader pairs by position):
     * a quantized layer's quantization variables before its bias, a LoRA-enabled layer's
     * {@code lora_*_a}/{@code lora_*_b}, which .keras files do not store, last.
     */
    public Optional<List<VariableSpec>> createdVariables(String className, JsonNode config,
                                                         JsonNode buildConfig) {
        if (className == null || !rules.containsKey(className)) {
            return Optional.empty();
        }
        JsonNode c = config == null ? JsonNodeFactory.instance.objectNode() : config;
        List<VariableSpec> created = CoreRules.created(className, c, new BuildShapes(buildConfig));
        return created != null ? Optional.of(List.copyOf(created))
                : ownVariables(className, config, buildConfig);
    }

    /** The sub-layers a composite built-in owns (RNN cell, Bidirectional, wrappers, MultiHeadAttention). */
    public List<SubLayerSpec> subLayers(String className, JsonNode config, JsonNode buildConfig) {
        if (className == null) {
            return List.of();
        }
        return CompositeLayers.of(className, config, new BuildShapes(buildConfig));
    }

    /**
     * Other attribute names under which Keras's load walk reaches the same sub-layer, in walk
     * order after the public one: MultiHeadAttention's {@code query_dense} is a property over
     * {@code _query_dense}, so a sub-layer that fails to load is tried again at the private
     * path, and Keras reports that second attempt.
     */
    public List<String> attributeAliases(String className, String attribute) {
        if ("MultiHeadAttention".equals(className) && List.of("query_dense", "key_dense",
                "value_dense", "output_dense").contains(attribute)) {
            return List.of("_" + attribute);
        }
        return List.of();
    }

    /** The build_config to use for a sub-layer ({@code {"input_shape": ...}}), or null. */
    public JsonNode buildConfigOf(SubLayerSpec sub) {
        if (sub.buildInputShapeJson() == null) {
            return null;
        }
        try {
            ObjectNode b = JsonNodeFactory.instance.objectNode();
            b.set("input_shape", KerasJson.parse(sub.buildInputShapeJson()));
            return b;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The sub-layer's config as a tree, or an empty object. */
    public JsonNode configOf(SubLayerSpec sub) {
        if (sub.configJson() == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return KerasJson.parse(sub.configJson());
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /**
     * False when the number of saved variables depends on more than the config: GPTQ and AWQ
     * layers skip entries that their calibration did not create.
     */
    public boolean exactCount(String className, JsonNode config) {
        String mode = Quantization.mode(config);
        return mode == null || mode.equals("int8") || mode.equals("int4")
                || mode.equals("float8") || mode.equals("ternary");
    }

    /**
     * False when the layer's {@code load_own_variables} skips Keras's count check: a
     * LoRA-enabled layer reads its stored variables by index without comparing counts.
     */
    public boolean checksCount(String className, JsonNode config) {
        return Lora.of(config) == null;
    }

    /** True when the class's variables are known to this catalog. */
    public boolean knows(String className) {
        return className != null && rules.containsKey(className);
    }

    /**
     * True when Keras ships the class (so the person's code need not provide it): a
     * {@code package>Name} registered name never is; with a module, the module must be Keras's
     * (or keras_hub/keras_cv/keras_nlp); without module and registered name (legacy configs),
     * the class name must be one Keras 3 resolves.
     */
    public boolean isBuiltIn(String className, String module, String registeredName) {
        if (className == null) {
            return false;
        }
        if (registeredName != null && registeredName.contains(">")) {
            return false;
        }
        if (module != null) {
            return isKerasModule(module);
        }
        if (registeredName != null) {
            // A class defined in __main__: module null, registered_name the bare class name.
            return false;
        }
        return BuiltInClasses.KERAS3.contains(className);
    }

    /** Every class name Keras 3.15.1 ships (layers and models). */
    public static Set<String> builtInNames() {
        return BuiltInClasses.KERAS3;
    }

    /** True for modules of Keras and its sibling libraries that Keras imports by module. */
    public static boolean isKerasModule(String module) {
        if (module == null) {
            return false;
        }
        String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
        return top.equals("keras") || top.equals("keras_hub") || top.equals("keras_cv")
                || top.equals("keras_nlp");
    }

    private static List<VariableSpec> spectralNormalization(JsonNode config, BuildShapes shapes) {
        List<Long> kernel = null;
        JsonNode layer = config.get("layer");
        if (layer != null && layer.isObject()) {
            LayerCatalog inner = new LayerCatalog();
            JsonNode build = layer.get("build_config");
            if (build == null) {
                ObjectNode b = JsonNodeFactory.instance.objectNode();
                JsonNode shape = null;
                try {
                    String json = CompositeLayers.shapeJson(shapes.input());
                    shape = json == null ? null : KerasJson.parse(json);
                } catch (JsonProcessingException e) {
                    shape = null;
                }
                b.set("input_shape", shape);
                build = b;
            }
            List<VariableSpec> vars = inner.ownVariables(Dims.text(layer, "class_name", null),
                    layer.get("config"), build).orElse(List.of());
            for (VariableSpec v : vars) {
                if (v.name().equals("kernel") || v.name().equals("embeddings")) {
                    kernel = v.shape();
                }
            }
        }
        Long out = kernel == null || kernel.isEmpty() ? null : kernel.get(kernel.size() - 1);
        return List.of(new VariableSpec("kernel", kernel, true),
                new VariableSpec("vector_u", Dims.of(1L, out), false));
    }

    private static int sizeOf(List<Long> shape) {
        return shape == null ? 0 : shape.size();
    }
}
