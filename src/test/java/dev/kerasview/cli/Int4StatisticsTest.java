package dev.kerasview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code inspect --json --stats} gives int4-packed variables' values as Keras unpacks them: the truth
 * beside each model is Keras 3.15.1's own {@code quantizers.unpack_int4} (int4/int4_truth.py).
 * int4_odd.keras has odd unpacked sizes (7, 9, 5), where each row ends in a padding nibble.
 */
class Int4StatisticsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"int4/int4_odd.keras", "fixtures-modern/quant_int4/quant_int4.keras"})
    void unpackedStatisticsAreKerasOwn(String model) throws Exception {
        Path file = Path.of("src/test/resources", model);
        Path truth = Path.of("src/test/resources/int4", file.getFileName() + ".int4-keras-3.15.1.txt");
        StringWriter out = new StringWriter();
        assertEquals(0, KerasviewCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "inspect", file.toString(), "--json", "--stats"));
        List<String> mine = new ArrayList<>();
        collect(JSON.readTree(out.toString()).get("model"), mine);
        List<String> keras = Files.readAllLines(truth).stream().filter(l -> !l.startsWith("#"))
                .map(l -> l.replaceAll(" orig=\\d+", "")).toList();
        assertEquals(3, keras.size(), "the truth lists three int4 layers");
        assertEquals(keras, mine);
    }

    /** One line per int4 variable, formatted as the truth script prints Python floats (%.9g). */
    private static void collect(JsonNode layer, List<String> out) {
        for (JsonNode v : layer.path("variables")) {
            JsonNode i = v.get("int4");
            if (i != null) {
                String path = layer.get("name").asText() + "/" + v.get("name").asText();
                out.add(String.format(Locale.ROOT, "%s count=%d sum=%s min=%s max=%s mean=%s std=%s", path,
                        i.get("count").asLong(), g(i.get("sum")), g(i.get("min")), g(i.get("max")),
                        g(i.get("mean")), g(i.get("std"))));
            }
        }
        layer.path("layers").forEach(c -> collect(c, out));
    }

    /** Python's {@code format(x, '.9g')}: no trailing zeros, no exponent for these magnitudes. */
    private static String g(JsonNode x) {
        String s = String.format(Locale.ROOT, "%.9g", x.asDouble());
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
