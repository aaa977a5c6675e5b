package dev.kerasview.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.config.KerasJson;
import dev.kerasview.model.Finding;
import dev.kerasview.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Class resolution and config rewrites of the Keras 3 and the legacy deserializers. */
class ConfigChecksTest {

    private static JsonNode json(String s) throws Exception {
        return KerasJson.parse(s);
    }

    private static List<Finding> keras3(String s) throws Exception {
        return new KerasConfigChecks(new LayerCatalog(), new LayerArguments()).check(json(s));
    }

    private static LegacyConfig legacy(String s) throws Exception {
        LegacyConfig l = new LegacyConfig(new LayerCatalog(), new LayerArguments());
        l.apply(json(s));
        return l;
    }

    private static List<String> codes(List<Finding> f) {
        return f.stream().map(x -> x.severity() + ":" + x.code()).toList();
    }

    @Test
    void keras2JsonWithoutModuleCannotLocateItsModelClass() throws Exception {
        List<Finding> f = keras3("{\"class_name\": \"Model\", \"config\": {\"name\": \"m\", "
                + "\"layers\": []}}");
        assertEquals(List.of("ERROR:UNKNOWN_CLASS"), codes(f));
        assertTrue(f.get(0).message().startsWith("Could not locate class 'Model'"));
    }

    @Test
    void layerEntriesWithoutModuleGoThroughTheLegacyLoaderInsideAModel() throws Exception {
        // Functional.from_config hands module-less entries to saving_utils.model_from_config, which
        // knows built-in layers by their bare names and reads batch_input_shape
        List<Finding> f = keras3("{\"module\": \"keras.src.models.functional\", \"class_name\": \"Functional\","
                + " \"registered_name\": \"Functional\", \"config\": {\"name\": \"m\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"name\": \"x\", \"inbound_nodes\": [],"
                + " \"config\": {\"batch_input_shape\": [null, 4], \"name\": \"x\"}},"
                + "{\"class_name\": \"Dense\", \"name\": \"d\", \"inbound_nodes\": [],"
                + " \"config\": {\"name\": \"d\", \"units\": 2}}],"
                + " \"input_layers\": [\"x\", 0, 0], \"output_layers\": [\"d\", 0, 0]}}");
        assertEquals(List.of(), codes(f));
    }

    @Test
    void aModuleLessLayerOutsideAModelsLayerListIsNotFound() throws Exception {
        // a custom layer's argument is deserialized by serialization_lib, which needs the module
        List<Finding> f = keras3("{\"module\": \"keras\", \"class_name\": \"Sequential\", \"registered_name\": null,"
                + " \"config\": {\"name\": \"s\", \"layers\": [{\"module\": \"keras.layers\","
                + " \"class_name\": \"Bidirectional\", \"registered_name\": null, \"config\": {\"name\": \"b\","
                + " \"layer\": {\"class_name\": \"LSTM\", \"config\": {\"name\": \"l\", \"units\": 2}}}}]}}");
        assertEquals(List.of("ERROR:UNKNOWN_CLASS"), codes(f));
    }

    @Test
    void keras1ListConfigIsNotADict() throws Exception {
        List<Finding> f = keras3("{\"class_name\": \"Sequential\", \"config\": [{\"class_name\":"
                + " \"Dense\", \"config\": {}}]}");
        assertEquals("Expected 'config' to be a dict for Sequential,", f.get(0).message());
    }

    @Test
    void customClassesAndFunctionsAreNamedForTheLoadingCode() throws Exception {
        List<Finding> f = keras3("{\"module\": \"keras\", \"class_name\": \"Sequential\", "
                + "\"registered_name\": null, \"config\": {\"name\": \"s\", \"layers\": [{"
                + "\"module\": \"my.layers\", \"class_name\": \"L2Norm\", \"registered_name\": "
                + "\"Custom>L2Norm\", \"config\": {\"name\": \"n\"}}, {\"module\": \"keras.layers\","
                + " \"class_name\": \"Lambda\", \"registered_name\": null, \"config\": {\"name\": "
                + "\"z\", \"function\": {\"module\": \"builtins\", \"class_name\": \"function\", "
                + "\"config\": \"sampling\", \"registered_name\": \"function\"}}}]}}");
        assertEquals(List.of("WARNING:CUSTOM_OBJECT", "WARNING:CUSTOM_OBJECT"), codes(f));
        assertEquals("Custom>L2Norm", f.get(0).className(), "DESIGN: the name the loading code registers");
        assertEquals("sampling", f.get(1).className());
    }

    @Test
    void aPythonLambdaIsRefusedInSafeMode() throws Exception {
        List<Finding> f = keras3("{\"module\": \"keras.layers\", \"class_name\": \"Lambda\", "
                + "\"registered_name\": null, \"config\": {\"name\": \"lam\", \"function\": {"
                + "\"class_name\": \"__lambda__\", \"config\": {\"code\": \"4wEA\"}}}}");
        assertEquals("ERROR:LAMBDA", codes(f).get(0));
        assertEquals("lam", f.get(0).layer());
        assertTrue(f.get(0).message().startsWith("Requested the deserialization of a `Lambda` "
                + "layer whose `function` is a Python lambda."));
    }

    @Test
    void tfKerasOnlyModulesAndLayersAreErrors() throws Exception {
        assertEquals("ERROR:MODULE_NOT_FOUND", codes(keras3("{\"module\": "
                + "\"keras.src.engine.functional\", \"class_name\": \"Functional\", "
                + "\"registered_name\": \"Functional\", \"config\": {\"name\": \"f\"}}")).get(0));
        assertEquals("ERROR:UNKNOWN_CLASS", codes(keras3("{\"module\": \"keras.layers\", "
                + "\"class_name\": \"TFOpLambda\", \"registered_name\": null, \"config\": "
                + "{\"name\": \"t\"}}")).get(0));
    }

    @Test
    void argumentsKeras3NoLongerAcceptsAreRejected() throws Exception {
        List<Finding> f = keras3("{\"module\": \"keras.layers\", \"class_name\": \"LSTM\", "
                + "\"registered_name\": null, \"config\": {\"name\": \"l\", \"units\": 2, "
                + "\"time_major\": false}}");
        assertEquals("Unrecognized keyword arguments passed to LSTM: {'time_major': False}",
                f.get(0).message());
    }

    @Test
    void legacySequentialListConfigFailsOnPop() throws Exception {
        LegacyConfig l = legacy("{\"class_name\": \"Sequential\", \"config\": []}");
        assertEquals("pop expected at most 1 argument, got 2", l.findings().get(0).message());
    }

    @Test
    void legacyLoaderNeedsRegisteredNamesAndDropsLongAxisLists() throws Exception {
        LegacyConfig l = legacy("{\"class_name\": \"Functional\", \"config\": {\"name\": \"f\", "
                + "\"layers\": [{\"class_name\": \"LayerNormalization\", \"config\": {\"name\": "
                + "\"ln\", \"axis\": [1, 2]}}, {\"class_name\": \"BatchNormalization\", \"config\":"
                + " {\"name\": \"bn\", \"axis\": [3]}}, {\"class_name\": \"demo>Scaled\", "
                + "\"config\": {\"name\": \"s\"}}, {\"class_name\": \"Sampling\", \"config\": "
                + "{\"name\": \"z\"}}], \"input_layers\": [], \"output_layers\": []}}");
        assertEquals(java.util.Set.of("ln"), l.droppedAxis());
        assertEquals(List.of("WARNING:CUSTOM_OBJECT", "ERROR:UNKNOWN_CLASS"),
                codes(l.findings()));
        assertTrue(l.findings().get(1).message().startsWith("Unknown layer: 'Sampling'."));
    }

    @Test
    void legacyRewritesWorkOnACopyAndLeaveTheGivenConfigAsItWas() throws Exception {
        JsonNode given = json("{\"class_name\": \"Functional\", \"config\": {\"name\": \"f\", "
                + "\"layers\": [{\"class_name\": \"InputLayer\", \"config\": {\"name\": \"in\", "
                + "\"batch_input_shape\": [null, 4]}}, {\"class_name\": \"BatchNormalization\", "
                + "\"config\": {\"name\": \"bn\", \"axis\": [3], \"momentum\": 0.99}}], "
                + "\"input_layers\": [], \"output_layers\": []}}");
        String before = KerasJson.toCompactJson(given);

        JsonNode rewritten = new LegacyConfig(new LayerCatalog(), new LayerArguments())
                .apply(given);

        assertEquals(before, KerasJson.toCompactJson(given));
        JsonNode layers = rewritten.get("config").get("layers");
        assertEquals("[null,4]",
                KerasJson.toCompactJson(layers.get(0).get("config").get("batch_shape")));
        assertEquals(3, layers.get(1).get("config").get("axis").asInt());
    }

    @Test
    void legacyStringsNamingKerasFunctionsBreakValidatedArguments() throws Exception {
        LegacyConfig l = legacy("{\"class_name\": \"Attention\", \"config\": {\"name\": "
                + "\"attention\", \"score_mode\": \"dot\", \"use_scale\": false}}");
        assertEquals("ERROR:FUNCTION_ARGUMENT", codes(l.findings()).get(0));
    }

    @Test
    void legacyRecompileFailsOnLossAliasesAndKeras2OptimizerArguments() throws Exception {
        assertEquals("Could not deserialize 'keras.metrics.mse' because it is not a "
                + "KerasSaveable subclass", LegacyCompile.check(json("{\"loss\": \"mse\", "
                + "\"metrics\": [\"accuracy\"]}")).get(0).message());
        assertTrue(LegacyCompile.check(json("{\"loss\": \"sparse_categorical_crossentropy\", "
                + "\"metrics\": [\"accuracy\"]}")).isEmpty());
        List<Finding> lr = LegacyCompile.check(json("{\"loss\": \"categorical_crossentropy\", "
                + "\"optimizer_config\": {\"class_name\": \"Adam\", \"config\": {\"lr\": 0.001, "
                + "\"decay\": 0.0, \"beta_1\": 0.9}}}"));
        assertEquals("Argument(s) not recognized: {'lr': 0.001}", lr.get(0).message());
        assertTrue(LegacyCompile.check(json("{\"loss\": \"categorical_crossentropy\", "
                + "\"optimizer_config\": {\"class_name\": \"Custom>Adam\", \"config\": "
                + "{\"jit_compile\": true, \"is_legacy_optimizer\": false}}}")).isEmpty());
        assertEquals(Severity.ERROR, lr.get(0).severity());
    }

    @Test
    void legacyWrappersRebuildKeras2InnerLayersWithTheNewDeserializer() throws Exception {
        LegacyConfig keras2 = legacy("{\"class_name\": \"Bidirectional\", \"config\": {\"name\": "
                + "\"bi\", \"layer\": {\"class_name\": \"LSTM\", \"config\": {\"name\": \"l\", "
                + "\"units\": 2}}}}");
        assertEquals("Could not locate class 'LSTM'. Make sure custom classes and functions are "
                + "decorated with `@keras.saving.register_keras_serializable()`.",
                keras2.findings().get(0).message());
        LegacyConfig keras3 = legacy("{\"class_name\": \"Bidirectional\", \"config\": {\"name\": "
                + "\"bi\", \"layer\": {\"module\": \"keras.layers\", \"class_name\": \"LSTM\", "
                + "\"config\": {\"name\": \"l\", \"units\": 2}, \"registered_name\": null}}}");
        assertTrue(keras3.findings().isEmpty(), keras3.findings().toString());
    }
}
