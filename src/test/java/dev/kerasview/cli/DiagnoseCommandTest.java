package dev.kerasview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnoseCommandTest {

    private static final String FIXTURES = "src/test/resources/fixtures/";

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = KerasviewCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aSoundFileExitsZeroAndSaysKerasLoadsIt() {
        Run r = run("diagnose", FIXTURES + "mlp/mlp.keras");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("would load this file"), r.out());
    }

    @Test
    void aFileNeedingCustomCodeListsItAndStrictCountsItAsFailing() throws Exception {
        String file = FIXTURES + "broken_unregistered_class/broken_unregistered_class.keras";
        Run r = run("diagnose", file, "--json");
        assertEquals(0, r.exit(), "loads where the person's code is registered: " + r.err());
        JsonNode requires = KerasJson.parse(r.out()).get("requires");
        assertEquals(1, requires.size(), r.out());
        assertEquals("demo>NotRegisteredLayer", requires.get(0).get("name").asText(), "the name the code registers");
        assertTrue(requires.get(0).get("layers").size() >= 1, r.out());
        Run text = run("diagnose", file);
        assertTrue(text.out().contains("would load this file if your code registers demo>NotRegisteredLayer"), text.out());
        assertEquals(1, run("diagnose", file, "--strict").exit(), "--strict: custom code the file lacks fails");
        Run sound = run("diagnose", FIXTURES + "mlp/mlp.keras", "--strict", "--json");
        assertEquals(0, sound.exit(), sound.err());
        assertEquals(0, KerasJson.parse(sound.out()).get("requires").size());
    }

    @Test
    void theVaeFailsWithBothLayersAndTheOptimizerCountsInJson() throws Exception {
        Run r = run("diagnose", FIXTURES + "vae/vae.keras", "--json");
        assertEquals(1, r.exit(), r.err());
        JsonNode j = KerasJson.parse(r.out());
        assertEquals("vae.keras", j.get("file").asText());
        assertEquals("keras", j.get("format").asText());
        assertEquals("3.15.1", j.get("kerasVersion").asText());
        assertFalse(j.get("loads").asBoolean());
        JsonNode first = j.get("findings").get(0);
        for (String key : List.of("severity", "code", "layer", "className", "path", "expected",
                "found", "message", "cause", "remedies")) {
            assertTrue(first.has(key), "finding lacks " + key + ": " + first);
        }
        assertEquals("error", first.get("severity").asText());
        assertEquals("VARIABLE_COUNT", first.get("code").asText());
        assertEquals("z_mean", first.get("layer").asText());
        assertEquals(2, first.get("expected").asLong());
        assertEquals(0, first.get("found").asLong());
        boolean optimizer = false;
        for (JsonNode f : j.get("findings")) {
            if (f.get("code").asText().equals("OPTIMIZER_STATE")) {
                optimizer = f.get("expected").asLong() == 46 && f.get("found").asLong() == 38;
            }
        }
        assertTrue(optimizer, r.out());
    }

    @Test
    void aShapeMismatchCarriesShapesAsArrays() throws Exception {
        Run r = run("diagnose", "--json", FIXTURES + "gru_reset/gru_reset.h5");
        assertEquals(1, r.exit());
        JsonNode f = KerasJson.parse(r.out()).get("findings").get(0);
        assertEquals("SHAPE_MISMATCH", f.get("code").asText());
        assertEquals("[4]", f.get("expected").toString());
        assertEquals("[18,4]", f.get("found").toString());
    }

    @Test
    void aDamagedFileIsAVerdictWithJsonAndExitOne() throws Exception {
        Run r = run("diagnose", "--json", FIXTURES + "broken_truncated/broken_truncated.keras");
        assertEquals(1, r.exit());
        JsonNode j = KerasJson.parse(r.out());
        assertFalse(j.get("loads").asBoolean());
        assertEquals("UNREADABLE", j.get("findings").get(0).get("code").asText());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void jsonWithItsWeightsUsesTheWeightsOption() {
        Run r = run("diagnose", FIXTURES + "mlp/mlp.json", "--weights",
                FIXTURES + "mlp/mlp_weights.h5");
        assertEquals(0, r.exit(), r.out() + r.err());
        Run broken = run("diagnose", FIXTURES + "broken_missing_layer/mlp.json", "--weights",
                FIXTURES + "broken_missing_layer/broken_missing_layer.weights.h5");
        assertEquals(1, broken.exit());
        assertTrue(broken.out().contains("Layer 'dense_hidden' expected 2 variables"),
                broken.out());
    }

    @Test
    void aMissingFileOrBadArgumentsAreUsageErrors() {
        Run missing = run("diagnose", FIXTURES + "no/such.keras");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertEquals(2, run("diagnose").exit());
        assertEquals(2, run("diagnose", FIXTURES + "mlp/mlp.keras", "--bogus").exit());
        assertEquals(2, run("diagnose", FIXTURES + "mlp/mlp.json", "--weights",
                FIXTURES + "mlp/none.h5").exit());
    }

    @Test
    void kerasOptionPredictsForThatVersionAsTheMatrixRecords() throws Exception {
        List<String> matrix = Files.readAllLines(Path.of("src/test/resources/compat/MATRIX.tsv"));
        List<String> header = List.of(matrix.get(0).split("\t"));
        String[] row = matrix.stream().filter(l -> l.startsWith("saved-by\t3.13.2/mlp.keras\t"))
                .findFirst().orElseThrow().split("\t");
        for (String version : List.of("3.12", "3.13")) {
            int col = -1;
            for (int c = 3; c < header.size(); c++) {
                if (header.get(c).startsWith("keras_" + version + ".")) {
                    col = c;
                }
            }
            boolean kerasLoads = row[col].equals("OK");
            Run r = run("diagnose", "src/test/resources/compat/saved-by/3.13.2/mlp.keras", "--keras", version);
            assertEquals(kerasLoads ? 0 : 1, r.exit(), r.out());
            String full = header.get(col).substring("keras_".length());
            assertTrue(r.out().contains("Keras " + full + " would " + (kerasLoads ? "" : "NOT ") + "load"), r.out());
        }
    }

    @Test
    void anUnmodelledKerasVersionIsAUsageError() {
        Run r = run("diagnose", FIXTURES + "mlp/mlp.keras", "--keras", "2.15");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("not modelled"), r.err());
    }
}
