package dev.kerasview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keras writes a legacy .h5's {@code model_config} with Python's {@code json.dumps}: parsing it
 * and writing it again must give back the very same text.
 */
class PythonJsonWriterTest {

    @Test
    void everyKerasWrittenModelConfigIsWrittenBackByteForByte() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/fixtures"))) {
            files = s.filter(p -> p.toString().endsWith(".h5") && !p.toString().endsWith(".weights.h5")).sorted().toList();
        }
        List<String> compared = new ArrayList<>();
        for (Path f : files) {
            try (HdfFile h = new HdfFile(f)) {
                Attribute a = h.getAttribute("model_config");
                if (a == null || !(a.getData() instanceof String text)) {
                    continue;
                }
                assertEquals(text, KerasJson.toPythonJson(KerasJson.parse(text)), f.toString());
                compared.add(f.getFileName().toString());
            }
        }
        assertTrue(compared.size() >= 10, "model configs compared: " + compared);
    }

    @Test
    void escapesLikePythonAndKeepsNumbersExact() throws Exception {
        String text = "{\"a\": \"q\\\"b\\\\s\\n\\t\\u00e9\\u20ac\\u0001\", \"n\": [1, -7, -9223372036854775808, 9223372036854775807, 0.1, "
                + "1e-05, NaN, Infinity, -Infinity, true, false, null], \"e\": {}, \"l\": []}";
        assertEquals(text, KerasJson.toPythonJson(KerasJson.parse(text)));
    }
}
