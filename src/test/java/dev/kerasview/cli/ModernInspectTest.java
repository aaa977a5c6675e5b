package dev.kerasview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kerasview.formats.GroundTruth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * {@code inspect --json --stats} over the fixtures Keras 3.15.1 wrote with quantization, LoRA,
 * sharding and mixed precision: every variable Keras loaded has its sum in the JSON, and each
 * layer shows the quantization, LoRA settings and policy map its config declares.
 */
class ModernInspectTest {

    private static final Path MODERN = Path.of("src/test/resources/fixtures-modern");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode inspect(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KerasviewCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, err.toString());
        return JSON.readTree(out.toString());
    }

    @Test
    void everyVariableKerasLoadedHasItsSumInInspectJsonStats() throws Exception {
        int files = 0;
        int vars = 0;
        List<String> diffs = new ArrayList<>();
        for (String row : Files.readAllLines(MODERN.resolve("GROUND_TRUTH_INDEX.tsv"))) {
            String[] c = row.split("\t");
            if (c[0].equals("ground_truth_file") || !c[4].equals("0")) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of("inspect"));
            List<String> files0 = new ArrayList<>();
            for (String a : c[3].split(" ")) {
                if (!a.startsWith("--")) {
                    files0.add(MODERN.resolve(c[2]).resolve(a).toString());
                }
            }
            args.add(files0.get(0));
            if (files0.size() > 1) {
                args.add("--weights");
                args.add(files0.get(1));
            }
            args.add("--json");
            args.add("--stats");
            Map<String, Double> sums = new HashMap<>();
            Map<String, JsonNode> configs = new HashMap<>();
            flatten(inspect(args.toArray(String[]::new)).path("model"), null, "", sums, configs);
            files++;
            for (GroundTruth.Layer l : GroundTruth.parse(MODERN.resolve(c[0])).layers()) {
                String layer = l.path().substring(l.path().lastIndexOf('/') + 1);
                for (GroundTruth.Var v : l.vars()) {
                    Double got = sums.get(layer + "|" + v.path());
                    boolean zeroedLora = v.path().startsWith("lora_") && Double.valueOf(0.0).equals(v.sum())
                            && configs.get(layer).has("lora");
                    if (got == null && zeroedLora) {
                        continue; // created and zeroed on load; a .keras stores the kernel merged
                    }
                    vars++;
                    if (got == null || Math.abs(got - v.sum()) > 1e-6 * Math.max(1, Math.abs(v.sum()))) {
                        diffs.add(c[0] + ": " + layer + "/" + v.path() + " sum " + got + ", Keras " + v.sum());
                    }
                }
            }
        }
        System.out.println("inspect --json --stats: " + files + " files, " + vars
                + " variables against Keras's sums, " + diffs.size() + " differences");
        assertTrue(files >= 25, "expected every loadable modern truth, found " + files);
        assertTrue(diffs.isEmpty(), String.join("\n", diffs));
    }

    @Test
    void eachLayerShowsTheQuantizationLoraAndPolicyMapItsConfigDeclares() throws Exception {
        int checked = 0;
        for (String name : List.of("quant_int8", "quant_int4", "quant_float8", "lora",
                "dtype_policy_map", "mixed_bfloat16", "dtype_per_layer")) {
            Path file = MODERN.resolve(name).resolve(name + ".keras");
            JsonNode config;
            try (ZipFile z = new ZipFile(file.toFile())) {
                config = JSON.readTree(new String(z.getInputStream(z.getEntry("config.json"))
                        .readAllBytes(), StandardCharsets.UTF_8));
            }
            Map<String, JsonNode> shown = new HashMap<>();
            flatten(inspect("inspect", file.toString(), "--json").path("model"), null, "",
                    new HashMap<>(), shown);
            for (JsonNode layer : config.path("config").path("layers")) {
                JsonNode c = layer.path("config");
                JsonNode got = shown.get(c.path("name").asText());
                JsonNode dtype = c.path("dtype");
                String mode = dtype.path("config").path("mode").asText(null);
                assertEquals(mode, got.path("quantization").asText(null), name + " " + c.path("name"));
                if (c.has("lora_rank")) {
                    assertEquals(c.path("lora_rank").asLong(), got.path("lora").path("rank").asLong());
                    assertEquals(c.path("lora_alpha").asDouble(), got.path("lora").path("alpha").asDouble());
                }
                if (dtype.path("class_name").asText().equals("DTypePolicyMap")) {
                    List<String> keys = new ArrayList<>();
                    dtype.path("config").path("policy_map").fieldNames().forEachRemaining(keys::add);
                    List<String> gotKeys = new ArrayList<>();
                    got.path("dtypePolicyMap").fieldNames().forEachRemaining(gotKeys::add);
                    assertEquals(keys.stream().sorted().toList(), gotKeys.stream().sorted().toList());
                } else if (dtype.path("class_name").asText().equals("DTypePolicy")) {
                    assertEquals(dtype.path("config").path("name").asText(), got.path("dtypePolicy").asText());
                }
                checked++;
            }
        }
        assertTrue(checked >= 30, "layers checked: " + checked);
    }

    /** Sums keyed {@code topLayer|sub/var}, and each layer's JSON by name. */
    private static void flatten(JsonNode node, String top, String prefix, Map<String, Double> sums,
                                Map<String, JsonNode> layers) {
        for (JsonNode v : node.path("variables")) {
            if (top != null && v.has("sum")) {
                sums.put(top + "|" + prefix + v.path("name").asText(), v.path("sum").asDouble());
            }
        }
        for (JsonNode child : node.path("layers")) {
            String name = child.path("name").asText();
            layers.putIfAbsent(name, child);
            if (top == null) {
                flatten(child, name, "", sums, layers);
            } else {
                flatten(child, top, prefix + name + "/", sums, layers);
            }
        }
    }
}
