package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsPairingTest {

    @TempDir
    Path dir;

    @Test
    void findsTheWeightsKerasNamesBesideTheJsonMostLikelyFirst() throws Exception {
        Path fixture = Path.of("src/test/resources/fixtures/mlp/mlp.json");
        assertTrue(WeightsPairing.needsWeights(fixture));
        List<Path> c = WeightsPairing.candidates(fixture);
        assertEquals(List.of("mlp.weights.h5", "mlp_weights.h5", "mlp.h5"), c.stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aSingleWeightsFileIsTheOnlyCandidate() throws Exception {
        Path json = Files.writeString(dir.resolve("model.json"), "{}");
        Files.writeString(dir.resolve("model.weights.h5"), "");
        assertEquals(List.of(dir.resolve("model.weights.h5")), WeightsPairing.candidates(json));
    }

    @Test
    void shardedWeightIndexesAndOtherFilesNeedNoPairing() throws Exception {
        assertFalse(WeightsPairing.needsWeights(Files.writeString(dir.resolve("m.weights.json"), "{}")));
        assertFalse(WeightsPairing.needsWeights(Path.of("src/test/resources/fixtures/mlp/mlp.keras")));
    }
}
