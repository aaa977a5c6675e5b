package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.formats.ModelReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The damaged modern files Keras 3.15.1 refuses (their truths beside them in fixtures-modern): no
 * target may turn them into a file that loads with other values, and the refusal names the cause.
 */
class ModernRefusalsTest {

    private static final Path MODERN = Path.of("src/test/resources/fixtures-modern");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} --to {2}")
    @CsvSource(delimiter = '|', value = {
        // Keras: Weight count mismatch ... Layer expects 4 weight(s). Received 2 saved weight(s)
        "broken_lora_h5_missing_vars/broken_lora_h5_missing_vars.h5|-|KERAS|WEIGHTS_DO_NOT_FIT|not its lora_kernel_a and lora_kernel_b",
        // Keras: variable.shape=(12, 3), Received: value.shape=(12, 6)
        "broken_quant_mode_int4/broken_quant_mode_int4.keras|-|H5|WEIGHTS_DO_NOT_FIT|has shape [12, 3] in the architecture, the file stores dense_out/kernel with shape [12, 6]",
        "broken_quant_mode_int4/broken_quant_mode_int4.keras|-|JSON|WEIGHTS_DO_NOT_FIT|has shape [12, 3] in the architecture",
        "broken_quant_mode_int4/broken_quant_mode_int4.keras|-|KERAS|WEIGHTS_DO_NOT_FIT|has shape [12, 3] in the architecture",
        // Keras: FileNotFoundError ... 'sharded_00002.weights.h5'
        "broken_sharded_missing_shard/sharded.json|broken_sharded_missing_shard/sharded.weights.json|KERAS|MISSING_WEIGHTS|in the shard sharded_00002.weights.h5, which is not beside the index",
        // Keras: Layer 'out' expected 2 variables, but received 0 variables during loading
        "broken_sharded_wrong_map/sharded.json|broken_sharded_wrong_map/sharded.weights.json|KERAS|MISSING_WEIGHTS|the index maps it to shards that do not hold layers/dense_2",
        "broken_sharded_wrong_map/sharded.json|broken_sharded_wrong_map/sharded.weights.json|H5|MISSING_WEIGHTS|the index maps it to shards that do not hold layers/dense_2"})
    void isRefusedNamingTheCauseWithNothingWritten(String file, String weights, ConversionTarget target,
                                                  ConversionRefusal reason, String cause) throws Exception {
        String truth = Files.readString(MODERN.resolve((weights.equals("-") ? file : weights) + ".keras-3.15.1.txt"));
        assertTrue(truth.lines().anyMatch(l -> l.startsWith("FAIL ")), "Keras 3.15.1 refuses the source");
        Converter converter = new Converter(ModelReader::open, OutputDiagnosis.diagnoser(), new LayerCatalog());
        ConversionRefusedException e = assertThrows(ConversionRefusedException.class, () -> converter.convert(
                new ConversionRequest(MODERN.resolve(file), weights.equals("-") ? null : MODERN.resolve(weights),
                        target, WeightsFormat.LEGACY, dir.resolve("out." + target.name().toLowerCase()), false, false),
                ConversionProgress.NONE, CancellationToken.NEVER));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(cause), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing may be written");
        }
    }
}
