package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.config.KerasJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * What real Keras 3.15.1 did with an upgraded config (src/test/resources/upgrade/oracle/check_upgraded.py):
 * whether model_from_json built it, a hash of its re-serialised config projected onto the upgrader's keys,
 * whether it came back compiled, and each weighted layer's weight shapes.
 */
record OracleTruth(String header, boolean loaded, String projectionSha256, boolean compiled, List<String> weights) {

    static OracleTruth read(String stem) throws Exception {
        Path p = Corpus.TRUTH.resolve(stem + ".keras-3.15.1.txt");
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        String hash = null;
        boolean compiled = false;
        List<String> weights = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("projection_sha256: ")) {
                hash = line.substring("projection_sha256: ".length());
            } else if (line.startsWith("compiled: ")) {
                compiled = line.endsWith("True");
            } else if (line.startsWith("weights: ")) {
                weights.add(line.substring("weights: ".length()));
            }
        }
        return new OracleTruth(lines.get(0), lines.get(1).startsWith("OK "), hash, compiled, weights);
    }

    /**
     * Asserts that Keras loaded the upgraded config and re-serialised exactly what the upgrader wrote: every key
     * the upgrader wrote exists in Keras's to_json() with the same value (the hash covers both sides' projection).
     */
    void assertKerasRebuilt(JsonNode upgraded) throws Exception {
        assertTrue(header.startsWith("# keras 3.15.1 "), header);
        assertTrue(loaded, "Keras 3.15.1 refused the upgraded config when the truth was made");
        assertEquals(projectionSha256, sha256(upgraded),
                "the upgraded config differs from what Keras 3.15.1 re-serialised; rerun the oracle"
                        + " (src/test/resources/upgrade/oracle/check_upgraded.py) to see where");
    }

    /** The same projection as the oracle script: sorted keys, Keras 2 node lists left out, Python's json.dumps text. */
    static String sha256(JsonNode upgraded) throws Exception {
        String text = KerasJson.toPythonJson(canonical(upgraded, null));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest);
    }

    private static JsonNode canonical(JsonNode node, String key) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                boolean legacyNodes = e.getKey().equals("inbound_nodes") && v.isArray() && v.size() > 0
                        && v.get(0).isArray();
                if (!legacyNodes && !e.getKey().equals("compile_config")) {
                    sorted.put(e.getKey(), canonical(v, e.getKey()));
                }
            });
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(v -> out.add(canonical(v, key)));
            return out;
        }
        return node;
    }
}
