package dev.kerasview.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Keras 3.15.1 does not say about its modern files: a LoRA .h5 that loads but predicts
 * differently, and sharded indexes checked entry by entry.
 */
class ModernDiagnosisTest {

    private static final Path MODERN = Path.of("src/test/resources/fixtures-modern");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void loraH5WarnsForExactlyTheLayersWhoseAlphaDiffersFromTheRank() throws Exception {
        Diagnosis d = new Diagnoser().diagnose(MODERN.resolve("lora/lora.h5"), null);
        assertTrue(d.loads(), "Keras loads lora.h5 (its truth is OK): " + d.findings());
        Set<String> warned = d.findings().stream()
                .filter(f -> f.code() == FindingCode.LORA_ALPHA_RESET).map(Finding::layer)
                .collect(Collectors.toCollection(TreeSet::new));
        // The layers whose saved lora_alpha Keras's build() overwrites, from the config itself.
        Set<String> expected = new TreeSet<>();
        for (JsonNode l : JSON.readTree(Files.readString(MODERN.resolve("lora/lora.json")))
                .path("config").path("layers")) {
            JsonNode c = l.path("config");
            if (c.has("lora_rank") && c.path("lora_alpha").asDouble() != c.path("lora_rank").asDouble()) {
                expected.add(c.path("name").asText());
            }
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, warned);
    }

    @Test
    void theKerasFormsOfTheLoraModelGetNoWarning() {
        for (Diagnosis d : List.of(new Diagnoser().diagnose(MODERN.resolve("lora/lora.keras"), null),
                new Diagnoser().diagnose(MODERN.resolve("lora/lora.json"),
                        MODERN.resolve("lora/lora.weights.h5")))) {
            assertTrue(d.loads());
            assertTrue(d.findings().stream().noneMatch(f -> f.code() == FindingCode.LORA_ALPHA_RESET),
                    d.findings().toString());
        }
    }

    @Test
    void anIndexEntryPointingAtAShardWithoutTheGroupFailsTheLayerAsKerasDoes() throws Exception {
        Path copy = copySharded();
        ObjectNode index = (ObjectNode) JSON.readTree(Files.readString(copy.resolve("sharded.weights.json")));
        // dense_1 lives in shard 2; point its entry at shard 3, which holds only dense_2.
        ((ObjectNode) index.get("weight_map")).put("/layers/dense_1/vars", "sharded_00003.weights.h5");
        Files.writeString(copy.resolve("sharded.weights.json"), JSON.writeValueAsString(index));
        Diagnosis d = new Diagnoser().diagnose(copy.resolve("sharded.json"),
                copy.resolve("sharded.weights.json"));
        // Keras 3.15.1 on this edit: "Layer 'd2' expected 1 variables, but received 0 variables
        // during loading" (d2 is the layer stored under layers/dense_1).
        assertFalse(d.loads());
        assertEquals(Set.of("d2"), d.errors().stream().map(Finding::layer).collect(Collectors.toSet()));
        assertTrue(d.errors().stream().anyMatch(f -> f.code() == FindingCode.VARIABLE_COUNT
                && Long.valueOf(0).equals(f.found())), d.findings().toString());
        assertTrue(d.findings().stream().anyMatch(f -> f.code() == FindingCode.SHARD_LACKS_GROUP
                && "layers/dense_1".equals(f.path())), d.findings().toString());
    }

    @Test
    void aMissingShardStillShowsTheOtherShardsVariables() throws Exception {
        Path dirOf = MODERN.resolve("broken_sharded_missing_shard");
        try (OpenModel m = ModelReader.open(dirOf.resolve("sharded.json"), dirOf.resolve("sharded.weights.json"))) {
            long shown = m.model().root().allVariables().size();
            assertTrue(shown > 0);
            assertTrue(m.model().root().allVariables().stream()
                    .noneMatch(v -> "sharded_00002.weights.h5".equals(v.file())));
            assertTrue(m.model().problems().stream().anyMatch(f -> f.code() == FindingCode.MISSING_SHARD));
        }
    }

    private Path copySharded() throws Exception {
        Path out = dir.resolve("sharded");
        Files.createDirectories(out);
        try (Stream<Path> files = Files.list(MODERN.resolve("sharded"))) {
            for (Path f : files.toList()) {
                Files.copy(f, out.resolve(f.getFileName()));
            }
        }
        return out;
    }
}
