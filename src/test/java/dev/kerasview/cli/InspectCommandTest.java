package dev.kerasview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class InspectCommandTest {

    private static final String FIX = "src/test/resources/fixtures/";

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KerasviewCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonFollowsTheDesignContractForMlp() throws Exception {
        Run r = run("inspect", FIX + "mlp/mlp.keras", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("mlp.keras", j.path("file").asText());
        assertEquals("keras", j.path("format").asText());
        assertEquals("3.15.1", j.path("kerasVersion").asText());
        JsonNode model = j.path("model");
        assertEquals("mlp", model.path("name").asText());
        assertEquals("Sequential", model.path("className").asText());
        assertEquals("", model.path("path").asText());
        JsonNode hidden = model.path("layers").get(3);
        assertEquals("dense_hidden", hidden.path("name").asText());
        assertEquals("layers/dense_1", hidden.path("path").asText());
        JsonNode kernel = hidden.path("variables").get(0);
        assertEquals("kernel", kernel.path("name").asText());
        assertEquals("[32,16]", kernel.path("shape").toString());
        assertEquals("float32", kernel.path("dtype").asText());
        assertEquals("layers/dense_1/vars/0", kernel.path("path").asText());
        assertTrue(kernel.path("trainable").asBoolean());
        assertTrue(kernel.path("sum").isMissingNode(), "no stats without --stats");
    }

    @Test
    void statsAddSumMinMaxMeanStdMatchingKeras() throws Exception {
        Run r = run("inspect", FIX + "mlp/mlp.h5", "--json", "--stats");
        assertEquals(0, r.code(), r.err());
        JsonNode bias = new ObjectMapper().readTree(r.out()).path("model").path("layers").get(3)
                .path("variables").get(1);
        assertEquals("bias", bias.path("name").asText());
        // Keras ground truth: dense_hidden bias sum=-0.0953886176.
        assertEquals(-0.0953886176, bias.path("sum").asDouble(), 1e-9);
        for (String k : new String[] {"min", "max", "mean", "std"}) {
            assertTrue(bias.path(k).isNumber(), k);
        }
    }

    @Test
    void jsonArchitectureFindsItsWeightsBesideIt() throws Exception {
        Run r = run("inspect", FIX + "cnn/cnn.json", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("json", j.path("format").asText());
        assertEquals("cnn.weights.h5", j.path("weights").asText());
    }

    @Test
    void textTreeShowsLayersVariablesAndPaths() {
        Run r = run("inspect", FIX + "rnn/rnn.keras");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("forward_lstm  LSTM"), r.out());
        assertTrue(r.out().contains("- kernel  [8, 16]  float32"), r.out());
        assertTrue(r.out().contains("layers/bidirectional/forward_layer/cell/vars/0"), r.out());
    }

    @Test
    void missingFileIsExitTwoWithOneLine() {
        Run r = run("inspect", FIX + "nope.keras");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nope.keras"), r.err());
    }

    @Test
    void lambdaPayloadIsShownAsReadableStringsNeverRun() {
        Run r = run("inspect", FIX + "lambda/lambda.keras");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("lambda bytecode (not executed)"), r.out());
    }
}
