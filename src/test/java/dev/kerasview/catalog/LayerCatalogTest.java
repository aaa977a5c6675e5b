package dev.kerasview.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import dev.kerasview.diagnose.GroundTruthFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class LayerCatalogTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private final LayerCatalog catalog = new LayerCatalog();

    @Test
    void everyBuiltInLayerOfTheFixturesHasTheShapesKerasCreated() throws IOException {
        int compared = 0;
        List<String> mismatches = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String stem = dir.getFileName().toString();
                Path keras = dir.resolve(stem + ".keras");
                Path truth = dir.resolve(stem + ".keras.keras-3.15.1.txt");
                if (!Files.exists(keras) || !Files.exists(truth)) {
                    continue;
                }
                GroundTruthFile gt = GroundTruthFile.read(truth);
                if (!gt.ok()) {
                    continue;
                }
                Map<String, Map<String, List<Long>>> expected = gt.layerVariables();
                JsonNode config;
                try (ZipFile zip = new ZipFile(keras.toFile())) {
                    config = KerasJson.parse(zip.getInputStream(zip.getEntry("config.json"))
                            .readAllBytes());
                }
                List<JsonNode> layers = new ArrayList<>();
                collectLayers(config, layers);
                for (JsonNode layer : layers) {
                    String cls = layer.path("class_name").asText();
                    String name = layer.path("config").path("name").asText();
                    if (!catalog.knows(cls) || !expected.containsKey(name)) {
                        continue;
                    }
                    Map<String, List<Long>> predicted = new LinkedHashMap<>();
                    predict(cls, layer.get("config"), layer.get("build_config"), "", predicted);
                    compared++;
                    if (!predicted.equals(expected.get(name))) {
                        mismatches.add(stem + ":" + name + " (" + cls + ") predicted " + predicted
                                + " Keras " + expected.get(name));
                    }
                }
            }
        }
        System.out.println("catalog: compared " + compared + " fixture layers with Keras");
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        assertTrue(compared >= 40, "compared only " + compared + " layers");
    }

    private void predict(String cls, JsonNode config, JsonNode build, String prefix,
                         Map<String, List<Long>> out) {
        for (VariableSpec v : catalog.ownVariables(cls, config, build).orElse(List.of())) {
            out.put(prefix + v.name(), v.shape());
        }
        for (SubLayerSpec sub : catalog.subLayers(cls, config, build)) {
            predict(sub.className(), catalog.configOf(sub), catalog.buildConfigOf(sub),
                    prefix + sub.name() + "/", out);
        }
    }

    private static void collectLayers(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            if (node.has("class_name") && node.path("config").isObject()
                    && node.path("config").has("name")) {
                out.add(node);
            }
            node.fields().forEachRemaining(e -> collectLayers(e.getValue(), out));
        } else if (node.isArray()) {
            node.forEach(n -> collectLayers(n, out));
        }
    }

    private static JsonNode json(String text) {
        try {
            return KerasJson.parse(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<List<Long>> shapes(String cls, String config, String inputShape) {
        List<List<Long>> out = new ArrayList<>();
        for (VariableSpec v : catalog.ownVariables(cls, json(config),
                json("{\"input_shape\": " + inputShape + "}")).orElseThrow()) {
            out.add(v.shape());
        }
        return out;
    }

    private List<String> names(String cls, String config, String inputShape) {
        List<String> out = new ArrayList<>();
        for (VariableSpec v : catalog.ownVariables(cls, json(config),
                json("{\"input_shape\": " + inputShape + "}")).orElseThrow()) {
            out.add(v.name());
        }
        return out;
    }

    @Test
    void denseUsesTheLastInputDimensionForRankAboveTwo() {
        assertEquals(List.of(List.of(7L, 5L), List.of(5L)),
                shapes("Dense", "{\"units\": 5}", "[null, 3, 7]"));
        assertEquals(List.of(List.of(7L, 5L)),
                shapes("Dense", "{\"units\": 5, \"use_bias\": false}", "[null, 7]"));
    }

    @Test
    void einsumDenseFollowsTheEquationIncludingEllipses() {
        assertEquals(List.of(List.of(3L, 4L, 6L), List.of(4L, 6L)), shapes("EinsumDense",
                "{\"equation\": \"abc,cde->abde\", \"output_shape\": [null, 4, 6], \"bias_axes\": \"de\"}",
                "[null, 5, 3]"));
        assertEquals(List.of(List.of(8L, 5L), List.of(5L)), shapes("EinsumDense",
                "{\"equation\": \"ab,bc->ac\", \"output_shape\": 5, \"bias_axes\": \"c\"}",
                "[null, 8]"));
        assertEquals(List.of(List.of(8L, 5L), List.of(5L)), shapes("EinsumDense",
                "{\"equation\": \"...b,bc->...c\", \"output_shape\": 5, \"bias_axes\": \"c\"}",
                "[null, 3, 8]"));
        // Right-elided: bias gets a trailing 1 for each elided dimension.
        assertEquals(List.of(List.of(4L, 3L, 6L), List.of(6L, 1L)), shapes("EinsumDense",
                "{\"equation\": \"abc...,bcd->abd...\", \"output_shape\": [5, 6], \"bias_axes\": \"d\"}",
                "[null, 4, 3, 2]"));
    }

    @Test
    void convolutionsHonourGroupsChannelsFirstAndRank() {
        assertEquals(List.of(List.of(3L, 3L, 2L, 8L), List.of(8L)), shapes("Conv2D",
                "{\"filters\": 8, \"kernel_size\": [3, 3], \"groups\": 2}", "[null, 9, 9, 4]"));
        assertEquals(List.of(List.of(3L, 3L, 4L, 8L), List.of(8L)), shapes("Conv2D",
                "{\"filters\": 8, \"kernel_size\": [3, 3], \"data_format\": \"channels_first\"}",
                "[null, 4, 9, 9]"));
        assertEquals(List.of(List.of(5L, 1L, 4L)), shapes("Conv1D",
                "{\"filters\": 4, \"kernel_size\": 5, \"use_bias\": false}", "[null, 9, 1]"));
        assertEquals(List.of(List.of(2L, 2L, 2L, 3L, 6L), List.of(6L)), shapes("Conv3D",
                "{\"filters\": 6, \"kernel_size\": [2, 2, 2]}", "[null, 5, 5, 5, 3]"));
        assertEquals(List.of(List.of(2L, 2L, 6L, 3L), List.of(6L)), shapes("Conv2DTranspose",
                "{\"filters\": 6, \"kernel_size\": [2, 2]}", "[null, 5, 5, 3]"));
        assertEquals(List.of(List.of(3L, 3L, 3L, 2L), List.of(6L)), shapes("DepthwiseConv2D",
                "{\"kernel_size\": [3, 3], \"depth_multiplier\": 2}", "[null, 5, 5, 3]"));
        assertEquals(List.of(List.of(3L, 4L, 2L), List.of(1L, 8L, 5L), List.of(5L)),
                shapes("SeparableConv1D",
                        "{\"kernel_size\": [3], \"depth_multiplier\": 2, \"filters\": 5}",
                        "[null, 9, 4]"));
    }

    @Test
    void batchNormalizationVariablesFollowCenterScaleAndRenorm() {
        assertEquals(List.of("gamma", "beta", "moving_mean", "moving_variance"),
                names("BatchNormalization", "{\"axis\": -1}", "[null, 8]"));
        assertEquals(List.of("beta", "moving_mean", "moving_variance"),
                names("BatchNormalization", "{\"axis\": -1, \"scale\": false}", "[null, 8]"));
        assertEquals(List.of("gamma", "beta", "moving_mean", "moving_variance",
                        "moving_stddev", "renorm_mean", "renorm_stddev"),
                names("BatchNormalization", "{\"renorm\": true}", "[null, 8]"));
        assertEquals(List.of(3L), shapes("BatchNormalization", "{\"axis\": 1}",
                "[null, 3, 8, 8]").get(0));
        assertEquals(List.of(3L), shapes("BatchNormalization", "{\"axis\": [1]}",
                "[null, 3, 8, 8]").get(0));
        List<VariableSpec> vars = catalog.ownVariables("BatchNormalization", json("{}"),
                json("{\"input_shape\": [null, 4]}")).orElseThrow();
        assertEquals(List.of(true, true, false, false),
                vars.stream().map(VariableSpec::trainable).toList());
    }

    @Test
    void layerNormalizationAxisListGivesAMultiDimensionalShape() {
        assertEquals(List.of(List.of(5L, 3L), List.of(5L, 3L)),
                shapes("LayerNormalization", "{\"axis\": [1, 2]}", "[null, 5, 3]"));
        assertEquals(List.of(List.of(3L)),
                shapes("LayerNormalization", "{\"axis\": -1, \"center\": false}", "[null, 5, 3]"));
        assertEquals(List.of("gamma"),
                names("LayerNormalization", "{\"rms_scaling\": true}", "[null, 3]"));
    }

    @Test
    void groupAndRmsNormalizationUseTheChannelAxis() {
        assertEquals(List.of(List.of(6L), List.of(6L)),
                shapes("GroupNormalization", "{\"groups\": 2, \"axis\": -1}", "[null, 4, 6]"));
        assertEquals(List.of(List.of(6L)),
                shapes("RMSNormalization", "{\"axis\": -1}", "[null, 4, 6]"));
    }

    @Test
    void normalizationHasStateOnlyWithoutConfiguredMeanAndVariance() {
        assertEquals(List.of("mean", "variance", "count"),
                names("Normalization", "{\"axis\": [-1], \"mean\": null}", "[null, 6]"));
        assertEquals(List.of(List.of(6L), List.of(6L), List.of()),
                shapes("Normalization", "{\"axis\": [-1]}", "[null, 6]"));
        assertEquals(List.of(), names("Normalization",
                "{\"axis\": [-1], \"mean\": [1, 2], \"variance\": [1, 1]}", "[null, 2]"));
    }

    @Test
    void preluSharesTheConfiguredAxes() {
        assertEquals(List.of(List.of(1L, 1L, 3L)),
                shapes("PReLU", "{\"shared_axes\": [1, 2]}", "[null, 8, 8, 3]"));
        assertEquals(List.of(List.of(18L, 4L)), shapes("PReLU", "{}", "[null, 18, 4]"));
    }

    @Test
    void embeddingAndQuantizedVariantsFollowTheModeOrder() {
        assertEquals(List.of(List.of(50L, 8L)),
                shapes("Embedding", "{\"input_dim\": 50, \"output_dim\": 8}", "[null, 3]"));
        String int8 = "{\"module\": \"keras\", \"class_name\": \"QuantizedDTypePolicy\", "
                + "\"config\": {\"mode\": \"int8\", \"source_name\": \"float32\"}}";
        assertEquals(List.of("kernel", "bias", "kernel_scale"),
                names("Dense", "{\"units\": 4, \"dtype\": " + int8 + "}", "[null, 3]"));
        assertEquals(List.of(List.of(3L, 4L), List.of(4L), List.of(4L)),
                shapes("Dense", "{\"units\": 4, \"dtype\": " + int8 + "}", "[null, 3]"));
        assertEquals(List.of("embeddings", "embeddings_scale"), names("Embedding",
                "{\"input_dim\": 5, \"output_dim\": 2, \"dtype\": " + int8 + "}", "[null, 3]"));
        String gptq = int8.replace("int8", "gptq");
        assertEquals(List.of("bias", "quantized_kernel", "kernel_scale", "kernel_zero", "g_idx"),
                names("EinsumDense", "{\"equation\": \"ab,bc->ac\", \"output_shape\": 4, "
                        + "\"bias_axes\": \"c\", \"dtype\": " + gptq + "}", "[null, 3]"));
    }

    @Test
    void attentionLayersCreateScalesPerFlags() {
        assertEquals(List.of("scale", "concat_score_weight"), names("Attention",
                "{\"use_scale\": true, \"score_mode\": \"concat\"}", "[[null, 2, 4], [null, 3, 4]]"));
        assertEquals(List.of(), names("Attention", "{}", "[[null, 2, 4], [null, 3, 4]]"));
        assertEquals(List.of(List.of(4L)), shapes("AdditiveAttention", "{}",
                "[[null, 2, 4], [null, 3, 4]]"));
    }

    @Test
    void recurrentLayersOwnNothingAndTheirCellsHoldTheGates() {
        assertEquals(List.of(), names("LSTM", "{\"units\": 4}", "[null, 5, 3]"));
        List<SubLayerSpec> subs = catalog.subLayers("LSTM", json("{\"units\": 4}"),
                json("{\"input_shape\": [null, 5, 3]}"));
        assertEquals(1, subs.size());
        assertEquals("cell", subs.get(0).attribute());
        assertEquals("lstm_cell", subs.get(0).name());
        assertEquals(List.of(List.of(3L, 16L), List.of(4L, 16L), List.of(16L)),
                shapesOf(subs.get(0)));
        SubLayerSpec gru = catalog.subLayers("GRU", json("{\"units\": 6, \"reset_after\": false}"),
                json("{\"input_shape\": [null, 5, 3]}")).get(0);
        assertEquals(List.of(18L), shapesOf(gru).get(2));
        SubLayerSpec conv = catalog.subLayers("ConvLSTM2D",
                json("{\"filters\": 4, \"kernel_size\": [3, 3]}"),
                json("{\"input_shape\": [null, 7, 8, 8, 2]}")).get(0);
        assertEquals(List.of(List.of(3L, 3L, 2L, 16L), List.of(3L, 3L, 4L, 16L), List.of(16L)),
                shapesOf(conv));
    }

    @Test
    void bidirectionalNamesItsCopiesForwardAndBackward() {
        String layer = "{\"class_name\": \"LSTM\", \"config\": {\"name\": \"lstm\", \"units\": 2}}";
        List<SubLayerSpec> subs = catalog.subLayers("Bidirectional",
                json("{\"layer\": " + layer + "}"), json("{\"input_shape\": [null, 5, 3]}"));
        assertEquals(List.of("backward_layer", "forward_layer"),
                subs.stream().map(SubLayerSpec::attribute).toList());
        assertEquals(List.of("backward_lstm", "forward_lstm"),
                subs.stream().map(SubLayerSpec::name).toList());
    }

    @Test
    void timeDistributedAndSpectralNormalizationWrapTheirLayer() {
        String dense = "{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 2}}";
        SubLayerSpec td = catalog.subLayers("TimeDistributed", json("{\"layer\": " + dense + "}"),
                json("{\"input_shape\": [null, 5, 3]}")).get(0);
        assertEquals(List.of(List.of(3L, 2L), List.of(2L)), shapesOf(td));
        assertEquals(List.of(List.of(3L, 2L), List.of(1L, 2L)), shapes("SpectralNormalization",
                "{\"layer\": " + dense + "}", "[null, 3]"));
        assertEquals(List.of(true, false), catalog.ownVariables("SpectralNormalization",
                        json("{\"layer\": " + dense + "}"), json("{\"input_shape\": [null, 3]}"))
                .orElseThrow().stream().map(VariableSpec::trainable).toList());
    }

    @Test
    void multiHeadAttentionProjectsIntoHeads() {
        List<SubLayerSpec> subs = catalog.subLayers("MultiHeadAttention",
                json("{\"num_heads\": 2, \"key_dim\": 4, \"value_dim\": 3, \"use_bias\": true}"),
                json("{\"shapes_dict\": {\"query_shape\": [null, 6, 8], \"value_shape\": [null, 5, 7]}}"));
        Map<String, List<List<Long>>> byAttr = new LinkedHashMap<>();
        for (SubLayerSpec s : subs) {
            byAttr.put(s.attribute(), shapesOf(s));
        }
        assertEquals(List.of(List.of(8L, 2L, 4L), List.of(2L, 4L)), byAttr.get("query_dense"));
        assertEquals(List.of(List.of(7L, 2L, 4L), List.of(2L, 4L)), byAttr.get("key_dense"));
        assertEquals(List.of(List.of(7L, 2L, 3L), List.of(2L, 3L)), byAttr.get("value_dense"));
        assertEquals(List.of(List.of(2L, 3L, 8L), List.of(8L)), byAttr.get("output_dense"));
        assertEquals(List.of(), byAttr.get("_softmax"));
        assertEquals(List.of(), byAttr.get("_dropout_layer"));
    }

    @Test
    void weightlessLayersAndInputLayerOwnNoVariables() {
        for (String cls : List.of("InputLayer", "Dropout", "Add", "Flatten", "MaxPooling2D",
                "Rescaling", "Activation", "Concatenate")) {
            assertEquals(List.of(), catalog.ownVariables(cls, json("{}"), null).orElseThrow(), cls);
        }
    }

    @Test
    void builtInDependsOnModuleAndRegisteredName() {
        assertTrue(catalog.isBuiltIn("Dense", "keras.layers", null));
        assertTrue(catalog.isBuiltIn("Functional", "keras.src.models.functional", "Functional"));
        assertTrue(!catalog.isBuiltIn("ScaledDense", "__main__", "demo>ScaledDense"));
        assertTrue(!catalog.isBuiltIn("Sampling", null, "Sampling"));
        assertTrue(!catalog.isBuiltIn("L2NormLayer", "my_pkg.layers", "L2NormLayer"));
        assertTrue(catalog.isBuiltIn("Dense", null, null));
        assertTrue(!catalog.isBuiltIn("TensorFlowOpLayer", null, null));
        assertTrue(catalog.ownVariables("ScaledDense", json("{}"), null).isEmpty());
    }

    private List<List<Long>> shapesOf(SubLayerSpec sub) {
        List<List<Long>> out = new ArrayList<>();
        for (VariableSpec v : catalog.ownVariables(sub.className(), catalog.configOf(sub),
                catalog.buildConfigOf(sub)).orElseThrow()) {
            out.add(v.shape());
        }
        return out;
    }
}
