package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.TestEnvironment;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.config.KerasJson;
import dev.kerasview.diagnose.Diagnoser;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.model.VariableInfo;
import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code convert --max-shard-size}: the index and every shard equal what Keras 3.15.1's own
 * {@code save_weights(..., max_shard_size=...)} wrote for the same model (truth in
 * {@code shard-truth/}), read by h5py, h5dump and jhdf; refusal, cancel and damage leave nothing.
 */
class ShardedOutputTest {

    private static final Path TRUTH = Path.of("src/test/resources/shard-truth");
    private static final Path MODERN = Path.of("src/test/resources/fixtures-modern");

    /** The fixtures with Keras's sharded truth: {@code <name>.shards.keras-3.15.1.json}. */
    static Stream<String> cases() {
        return Stream.of("mlp", "cnn", "rnn", "functional_nested", "attention", "custom_layer", "compiled_trained",
                "vae_ok", "deep_cnn", "mixed", "shared_weights_functional", "gru_reset", "bfloat16", "quant_int8",
                "quant_int4", "quant_float8", "mixed_bfloat16", "dtype_policy_map", "lora", "dtype_per_layer",
                "sharded");
    }

    @TempDir
    Path dir;

    private static Converter converter(ModelOpener opener) {
        return new Converter(opener, OutputDiagnosis.diagnoser(), new LayerCatalog());
    }

    private static ConversionRequest request(Path input, Path weights, ConversionTarget target, Path out,
                                             ShardLimit limit) {
        return new ConversionRequest(input, weights, target, WeightsFormat.KERAS, out, false, false, true, null,
                limit);
    }

    /** Copies the fixture into the test folder; returns the input and, for a pair, its weights. */
    private Path[] input(String name) throws Exception {
        if (name.equals("sharded")) {
            try (Stream<Path> files = Files.list(MODERN.resolve("sharded"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
            return new Path[] {dir.resolve("sharded.json"), dir.resolve("sharded.weights.json")};
        }
        Path source = Fixtures.file(name, ".keras");
        if (!Files.exists(source)) {
            source = MODERN.resolve(name).resolve(name + ".keras");
        }
        return new Path[] {Files.copy(source, dir.resolve(name + ".keras")), null};
    }

    @ParameterizedTest
    @MethodSource("cases")
    void shardsAndIndexEqualWhatKerasWritesForTheSameModel(String name) throws Exception {
        ReferenceTools.assumeH5py();
        JsonNode truth = KerasJson.parse(Files.readAllBytes(TRUTH.resolve(name + ".shards.keras-3.15.1.json")));
        Path[] in = input(name);
        Files.createDirectory(dir.resolve("out"));
        ConversionResult r = CheckedConversion.run(converter(ModelReader::open), request(in[0], in[1],
                ConversionTarget.KERAS, dir.resolve("out").resolve(name + ".json"),
                new ShardLimit(truth.get("max_shard_bytes").asLong())));
        Path index = dir.resolve("out").resolve(name + ".weights.json");
        List<Path> expected = new ArrayList<>(List.of(dir.resolve("out").resolve(name + ".json"), index));
        truth.get("shards").fieldNames().forEachRemaining(s -> expected.add(index.resolveSibling(s)));
        assertEquals(expected, r.written(), "architecture, index, then Keras's shard names");
        assertEquals(truth.get("index_text").asText(), Files.readString(index), "the index, byte for byte");
        Iterator<String> shards = truth.get("shards").fieldNames();
        while (shards.hasNext()) {
            String shard = shards.next();
            assertShardEquals(truth.get("shards").get(shard), index.resolveSibling(shard));
        }
        try (var opened = ModelReader.open(r.written().get(0), index)) {
            assertTrue(new Diagnoser().diagnose(opened.model()).loads(), "the load walk accepts the output");
        }
    }

    /** Keras's own sharded files of mlp (committed beside the truth) and ours: same summaries. */
    @Test
    void mlpShardsEqualKerasOwnShardFiles() throws Exception {
        ReferenceTools.assumeH5py();
        Path keras = TRUTH.resolve("mlp-keras");
        Path input = Files.copy(Fixtures.file("mlp", ".keras"), dir.resolve("mlp.keras"));
        ConversionResult r = CheckedConversion.run(converter(ModelReader::open), request(input, null,
                ConversionTarget.JSON, dir.resolve("mlp.json"), ShardLimit.parse("2100")));
        assertEquals(Files.readString(keras.resolve("mlp.weights.json")),
                Files.readString(dir.resolve("mlp.weights.json")));
        assertEquals(6, r.written().size(), "json, index, four shards");
        for (int i = 0; i < 4; i++) {
            String shard = "mlp_0000" + i + ".weights.h5";
            assertShardEquals(ReferenceTools.summary(keras.resolve(shard), "keras3"), dir.resolve(shard));
        }
        assertEquals(KerasJson.parse(Files.readAllBytes(keras.resolve("mlp.json"))).get("config"),
                KerasJson.parse(Files.readAllBytes(dir.resolve("mlp.json"))).get("config"),
                "the architecture is the model's to_json()");
    }

    /** h5py reads the same groups and tensors as in Keras's shard; h5dump and jhdf open it. */
    private static void assertShardEquals(JsonNode keras, Path mine) throws Exception {
        JsonNode m = ReferenceTools.summary(mine, "keras3");
        assertEquals(keras.get("datasets"), m.get("datasets"), mine.getFileName() + ": datasets");
        assertEquals(keras.get("groups"), m.get("groups"), mine.getFileName() + ": groups and name attributes");
        TestEnvironment.assumeH5dump();
        assertEquals(0, ReferenceTools.h5dumpHeader(mine).exit(), "h5dump opens " + mine.getFileName());
        try (HdfFile f = new HdfFile(mine)) {
            assertEquals(keras.get("groups").has("layers"), f.getChildren().containsKey("layers"),
                    "jhdf reads " + mine.getFileName());
        }
    }

    @Test
    void sizesReadAsKerasMeansThem() {
        assertEquals(2L << 30, ShardLimit.parse("2GB").bytes());
        assertEquals(1L << 28, ShardLimit.parse("0.25GB").bytes(), "Keras's max_shard_size=0.25");
        assertEquals(500L << 20, ShardLimit.parse("500MB").bytes());
        assertEquals(10240, ShardLimit.parse("10KB").bytes());
        assertEquals(10240, ShardLimit.parse("10 kib").bytes());
        assertEquals(4096, ShardLimit.parse("4096").bytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardLimit.parse("2 lots"));
        assertTrue(e.getMessage().contains("2GB, 500MB, 10KB"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ShardLimit.parse("0KB"));
    }

    @Test
    void aVariableLargerThanTheShardSizeIsRefusedAndNothingIsWritten() throws Exception {
        Path input = Files.copy(Fixtures.file("mlp", ".keras"), dir.resolve("mlp.keras"));
        ConversionRefusedException e = assertThrows(ConversionRefusedException.class, () -> converter(
                ModelReader::open).convert(request(input, null, ConversionTarget.KERAS, null, ShardLimit.parse("1KB")),
                ConversionProgress.NONE, CancellationToken.NEVER));
        assertEquals(ConversionRefusal.SHARD_TOO_SMALL, e.reason());
        assertTrue(e.getMessage().contains("layers/dense/vars/0 [16, 32] float32 takes 2.00 KB"), e.getMessage());
        assertEquals(List.of(input), files());
    }

    @Test
    void shardsOfALegacyWeightsTargetAreRefused() throws Exception {
        Path input = Files.copy(Fixtures.file("mlp", ".keras"), dir.resolve("mlp.keras"));
        ConversionRequest legacy = new ConversionRequest(input, null, ConversionTarget.JSON, WeightsFormat.LEGACY,
                null, false, false, false, null, ShardLimit.parse("2KB"));
        ConversionException e = assertThrows(ConversionException.class, () -> converter(ModelReader::open)
                .convert(legacy, ConversionProgress.NONE, CancellationToken.NEVER));
        assertTrue(e.getMessage().contains("--weights-format keras"), e.getMessage());
        assertEquals(List.of(input), files());
    }

    @Test
    void cancelWhileVerifyingLeavesNoShardAndNoStagingFolder() throws Exception {
        Path input = Files.copy(Fixtures.file("cnn", ".keras"), dir.resolve("cnn.keras"));
        CancellationFlag flag = new CancellationFlag();
        ConversionProgress progress = (done, total, item) -> {
            if (item.startsWith("verifying")) {
                flag.cancel();
            }
        };
        assertThrows(ConversionCancelledException.class, () -> converter(ModelReader::open).convert(
                request(input, null, ConversionTarget.KERAS, null, ShardLimit.parse("11600")), progress, flag));
        assertEquals(List.of(input), files(), "no output, no staging folder");
    }

    @Test
    void aShardWhoseTensorBytesChangedOnDiskFailsVerificationAndNothingIsKept() throws Exception {
        Path input = Files.copy(Fixtures.file("cnn", ".keras"), dir.resolve("cnn.keras"));
        long[] flipped = {-1};
        // The staged files carry their final names inside the hidden staging folder.
        ModelOpener damaging = (file, weights) -> {
            if (TempFiles.isTempFile(file.toAbsolutePath().getParent()) && weights != null && flipped[0] < 0) {
                flipped[0] = flipInLargestTensor(file, weights);
            }
            return ModelReader.open(file, weights);
        };
        ConversionException e = assertThrows(ConversionException.class, () -> converter(damaging).convert(
                request(input, null, ConversionTarget.KERAS, null, ShardLimit.parse("11600")),
                ConversionProgress.NONE, CancellationToken.NEVER));
        assertTrue(flipped[0] >= 0, "a shard was damaged");
        assertTrue(e.getMessage().startsWith("verification failed, nothing written")
                && e.getMessage().contains("bytes differ from the source"), e.getMessage());
        assertEquals(List.of(input), files());
    }

    /** Inverts one byte in the middle of the largest tensor, in the shard that holds it. */
    private static long flipInLargestTensor(Path json, Path index) {
        try (var m = ModelReader.open(json, index)) {
            VariableInfo largest = m.model().root().allVariables().stream()
                    .max(Comparator.comparingLong(VariableInfo::byteSize)).orElseThrow();
            Path shard = index.resolveSibling(largest.file());
            try (var s = ModelReader.open(shard, null)) {
                return ByteFlip.inMiddle(shard, s.tensors().storedRegion(new VariableInfo(largest.name(),
                        largest.shape(), largest.dtype(), largest.byteSize(), true, largest.path(), null)).orElseThrow());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void indexTextIsPythonsJsonDumpsWithIndentFour() {
        ShardPlan plan = new ShardPlan("x.weights.json", List.of(), new java.util.LinkedHashMap<>(java.util.Map.of(
                "/vars", new ShardPlan.Entry(List.of("x_00000.weights.h5"), false))), 13);
        assertEquals("{\n    \"metadata\": {\n        \"total_size\": 1.625\n    },\n    \"weight_map\": {\n"
                + "        \"/vars\": \"x_00000.weights.h5\"\n    }\n}", ShardIndexJson.of(plan));
        assertEquals("\"caf\\u00e9\"", ShardIndexJson.quote("caf\u00e9"), "ensure_ascii");
        assertEquals("x_00012.weights.h5", ShardPlanner.shardName("x.weights.json", 12));
    }
}
