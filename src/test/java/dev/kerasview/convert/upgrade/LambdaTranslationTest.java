package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lambda of python-lambdas/cases.tsv (real code objects of CPython 2.7 and 3.6-3.13), stored as Keras 3
 * stores it, maps to the layers written here by hand from Rescaling's formula, or is refused naming what it
 * computes.
 */
class LambdaTranslationTest {

    /** Expected plans: Rescaling(scale, offset) as "S(scale,offset)", Multiply of the tensor with itself as "SQ". */
    private static final Map<String, String> PLANS = Map.ofEntries(
            Map.entry("lambda x: x * 2.0 + 1.0", "S(2.0,1.0)"),
            Map.entry("lambda x: x ** 2", "SQ"),
            Map.entry("lambda x: 3 * x", "S(3.0,-0.0)"),
            Map.entry("lambda x: x / 2.0", "S(0.5,-0.0)"),
            Map.entry("lambda x: x - 0.5", "S(1.0,-0.5)"),
            Map.entry("lambda x: 1.0 - x", "S(-1.0,1.0)"),
            Map.entry("lambda x: -x", "S(-1.0,-0.0)"),
            Map.entry("lambda x: (x + 1.0) * 0.5", "S(1.0,1.0) S(0.5,-0.0)"),
            Map.entry("lambda x: x * x", "SQ"),
            Map.entry("lambda x: x[0] + x[1]", "Add"),
            Map.entry("lambda x: x[0] * x[1]", "Multiply"),
            Map.entry("lambda x: x[0] - x[1]", "Subtract"));

    /** Refused lambdas and a phrase the refusal must hold. */
    private static final Map<String, String> REFUSALS = Map.ofEntries(
            Map.entry("lambda x: x / 255.0", "it computes x / 255.0, which no built-in layer computes bit-exactly"),
            Map.entry("lambda x: K.exp(x)", "it computes K.exp(x)"),
            Map.entry("lambda x: K.mean(x, axis=1)", "it computes K.mean(x, axis=1)"),
            Map.entry("lambda x: x[:, 0]", "it computes x[:, 0]"),
            Map.entry("lambda x: tf.nn.l2_normalize(x, axis=-1)", "it computes tf.nn.l2_normalize(x, axis=-1)"),
            Map.entry("lambda x: x or 1.0", "cannot be decoded"),
            Map.entry("lambda x, mask: x", "lambda x, mask: x takes other parameters"),
            Map.entry("lambda x: x * scale", "captured from the Python code"));

    static Stream<Arguments> cases() throws Exception {
        return dev.kerasview.convert.upgrade.python.PythonLambdaCases.all();
    }

    @ParameterizedTest(name = "Python {0}: {1}")
    @MethodSource("cases")
    void eachLambdaBecomesTheExactLayersOrIsRefusedSayingWhatItComputes(String python, String source, String base64)
            throws Exception {
        ObjectNode config = keras3Lambda(base64);
        if (REFUSALS.containsKey(source)) {
            UpgradeRefusedException e = assertThrows(UpgradeRefusedException.class,
                    () -> LambdaTranslation.plan("f", config));
            assertEquals(Reason.PYTHON_LAMBDA, e.reason());
            assertTrue(e.getMessage().contains(REFUSALS.get(source)), e.getMessage());
            assertThrows(UpgradeRefusedException.class, () -> ForeignCode.check("Lambda", "f", config),
                    "the upgrade refuses it too");
            return;
        }
        LambdaPlan plan = LambdaTranslation.plan("f", config).orElseThrow();
        assertEquals(PLANS.get(source), describe(plan), "Python " + python);
        ForeignCode.check("Lambda", "f", config); // lets it through, to be replaced
    }

    private static ObjectNode keras3Lambda(String base64) {
        ObjectNode code = Json.object();
        code.put("code", base64);
        code.putNull("defaults");
        code.putNull("closure");
        ObjectNode function = Json.object();
        function.put("class_name", "__lambda__");
        function.set("config", code);
        ObjectNode config = Json.object();
        config.put("name", "f");
        config.set("function", function);
        config.set("arguments", Json.object());
        return config;
    }

    private static String describe(LambdaPlan plan) {
        if (plan instanceof LambdaPlan.Merge m) {
            return m.className();
        }
        List<String> parts = ((LambdaPlan.Chain) plan).steps().stream().map(s -> s instanceof LambdaPlan.Scale r
                ? "S(" + r.scale() + "," + r.offset() + ")" : "SQ").toList();
        return String.join(" ", parts);
    }
}
