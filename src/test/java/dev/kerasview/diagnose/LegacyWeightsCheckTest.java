package dev.kerasview.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.config.KerasJson;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Group;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Order-based legacy loading against Keras's own legacy weights file of the mlp fixture. */
class LegacyWeightsCheckTest {

    private static final Path MLP = Path.of("src/test/resources/fixtures/mlp");

    private static JsonNode config() throws Exception {
        return KerasJson.parse(Files.readString(MLP.resolve("mlp.json")));
    }

    private static List<Finding> check(JsonNode config) {
        H5Group weights = FixtureTrees.ofHdf5(MLP.resolve("mlp_weights.h5"));
        return new LegacyDiagnosis(new LayerCatalog(), new LayerArguments()).weights(config,
                weights, Set.of());
    }

    private static ArrayNode layers(JsonNode config) {
        return (ArrayNode) config.get("config").get("layers");
    }

    @Test
    void theMatchingModelLoads() throws Exception {
        assertTrue(check(config()).isEmpty());
    }

    @Test
    void aMissingLayerShiftsThePairingAndTheCountsDiffer() throws Exception {
        JsonNode c = config();
        layers(c).remove(layers(c).size() - 1);
        Finding f = check(c).get(0);
        assertEquals(FindingCode.LAYER_COUNT, f.code());
        assertEquals("Layer count mismatch when loading weights from file. Model expected 3 "
                + "layers, found 4 saved layers.", f.message());
    }

    @Test
    void aLayerWithoutBiasExpectsFewerWeights() throws Exception {
        JsonNode c = config();
        for (JsonNode l : layers(c)) {
            if (l.path("config").path("name").asText().equals("dense_out")) {
                ((ObjectNode) l.get("config")).put("use_bias", false);
            }
        }
        Finding f = check(c).get(0);
        assertEquals(FindingCode.WEIGHT_COUNT, f.code());
        assertTrue(f.message().startsWith("Weight count mismatch for layer #3 (named dense_out in "
                + "the current model, dense_out in the save file). Layer expects 1 weight(s). "
                + "Received 2 saved weight(s)"), f.message());
    }

    @Test
    void aWiderLayerMismatchesItsSavedShape() throws Exception {
        JsonNode c = config();
        for (JsonNode l : layers(c)) {
            if (l.path("config").path("name").asText().equals("dense_out")) {
                ((ObjectNode) l.get("config")).put("units", 5);
            }
        }
        Finding f = check(c).get(0);
        assertEquals(FindingCode.SHAPE_MISMATCH, f.code());
        assertEquals("dense_out", f.layer());
        assertEquals(List.of(16L, 5L), f.expected());
        assertEquals(List.of(16L, 3L), f.found());
    }
}
