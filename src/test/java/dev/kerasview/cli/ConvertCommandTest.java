package dev.kerasview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code convert} subcommand's exit codes and one-line messages. */
class ConvertCommandTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = KerasviewCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path copy(String folder, String file) throws Exception {
        return Files.copy(FIXTURES.resolve(folder).resolve(file), dir.resolve(file));
    }

    @Test
    void convertsBesideTheInputWithItsStemAndReportsTheVerification() throws Exception {
        Path input = copy("mlp", "mlp.keras");
        Run r = run("convert", input.toString(), "--to", "h5");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(dir.resolve("mlp.h5")));
        assertTrue(r.out().contains("wrote " + dir.resolve("mlp.h5")), r.out());
        assertTrue(r.out().contains("verified: 10 tensors"), r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void jsonTargetNamesTheWeightsAfterTheJsonGivenWithO() throws Exception {
        Path input = copy("mlp", "mlp.keras");
        Run r = run("convert", input.toString(), "--to", "json", "-o", dir.resolve("arch.json").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(dir.resolve("arch.json")) && Files.exists(dir.resolve("arch_weights.h5")));
        Run k = run("convert", input.toString(), "--to", "json", "--weights-format", "keras");
        assertEquals(0, k.exit(), k.err());
        assertTrue(Files.exists(dir.resolve("mlp.json")) && Files.exists(dir.resolve("mlp.weights.h5")));
    }

    @Test
    void maxShardSizeWritesTheArchitectureIndexAndShardsBesideTheInput() throws Exception {
        Path input = copy("mlp", "mlp.keras");
        Run r = run("convert", input.toString(), "--to", "keras", "--max-shard-size", "2100");
        assertEquals(0, r.exit(), r.err());
        for (String f : new String[] {"mlp.json", "mlp.weights.json", "mlp_00000.weights.h5", "mlp_00003.weights.h5"}) {
            assertTrue(Files.exists(dir.resolve(f)), f + ": " + r.out());
        }
        assertTrue(r.out().contains("Keras 3.15.1 writes no sharded .keras"), r.out());
        try (var files = Files.list(dir)) {
            assertEquals(7, files.count(), "input, json, index, four shards; no staging folder left");
        }
    }

    @Test
    void maxShardSizeNeedsKeras3WeightsAndASize() throws Exception {
        Path input = copy("mlp", "mlp.keras");
        assertEquals(2, run("convert", input.toString(), "--to", "h5", "--max-shard-size", "2GB").exit());
        assertEquals(2, run("convert", input.toString(), "--to", "json", "--max-shard-size", "2GB").exit());
        Run bad = run("convert", input.toString(), "--to", "keras", "--max-shard-size", "2 lots");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("not a size"), bad.err());
    }

    @Test
    void existingOutputIsRefusedWithExitOneAndReplacedWithForce() throws Exception {
        Path input = copy("mlp", "mlp.keras");
        Files.writeString(dir.resolve("mlp.h5"), "old");
        Run r = run("convert", input.toString(), "--to", "h5");
        assertEquals(1, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--force"), r.err());
        assertEquals("old", Files.readString(dir.resolve("mlp.h5")));
        assertEquals(0, run("convert", input.toString(), "--to", "h5", "--force").exit());
    }

    @Test
    void missingWeightsAreRefusedAndAllowMissingSaysWhatTheOutputLacks() throws Exception {
        Path input = copy("broken_missing_layer_group", "broken_missing_layer_group.keras");
        Run r = run("convert", input.toString(), "--to", "h5");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("dense_hidden"), r.err());
        assertFalse(Files.exists(dir.resolve("broken_missing_layer_group.h5")));
        Run allowed = run("convert", input.toString(), "--to", "h5", "--allow-missing");
        assertEquals(0, allowed.exit(), allowed.err());
        assertTrue(allowed.out().contains("lacks the weights of layer 'dense_hidden'"), allowed.out());
    }

    @Test
    void aKerasFileConvertedToKerasGoesBesideItUnderANameOfItsOwn() throws Exception {
        // Keras refuses vae.keras even with its classes registered ('z_mean' expected 2 variables): the
        // conversion mends that, so it is written, naming the classes the loading code must register.
        Path input = copy("vae", "vae.keras");
        Run r = run("convert", input.toString(), "--to", "keras");
        assertEquals(ConvertCommand.EXIT_NEEDS_CODE, r.exit(), "written, but it needs the person's classes: "
                + r.err());
        assertTrue(Files.exists(dir.resolve("vae-converted.keras")), r.out());
        assertTrue(r.out().contains("Keras 3.15.1 would load it"), r.out());
        assertTrue(r.out().contains("vae>VAE") && r.out().contains("vae>Sampling"),
                "names the person's classes: " + r.out());
        Run accepted = run("convert", input.toString(), "--to", "keras", "--force", "--allow-custom-code");
        assertEquals(0, accepted.exit(), accepted.err());
    }

    @Test
    void aFileThatNeedsOnlyItsOwnCodeIsNotCopiedUnlessAsked() throws Exception {
        // custom_layer.keras loads in Keras 3.15.1 where demo>ScaledDense is registered: nothing to mend
        Path input = copy("custom_layer", "custom_layer.keras");
        Run refused = run("convert", input.toString(), "--to", "h5");
        assertEquals(1, refused.exit(), refused.err());
        assertTrue(refused.err().contains("already loads where your code registers demo>ScaledDense"),
                refused.err());
        assertTrue(refused.err().contains("--allow-custom-code"), refused.err());
        assertFalse(Files.exists(dir.resolve("custom_layer.h5")));
        Run r = run("convert", input.toString(), "--to", "h5", "--allow-custom-code");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(dir.resolve("custom_layer.h5")), r.out());
    }

    @Test
    void badArgumentsAndMissingFilesAreUsageErrors() {
        assertEquals(2, run("convert", dir.resolve("absent.keras").toString(), "--to", "h5").exit());
        assertEquals(2, run("convert", "x.keras", "--to", "onnx").exit());
        assertEquals(2, run("convert", "x.keras").exit());
        assertEquals(2, run("convert", "x.keras", "--to", "json", "--weights-format", "npz").exit());
    }

    @Test
    void unreadableInputFailsWithExitOneAndNothingWritten() throws Exception {
        Path input = copy("broken_truncated", "broken_truncated.keras");
        Run r = run("convert", input.toString(), "--to", "h5");
        assertEquals(1, r.exit());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("broken_truncated.h5")));
    }
}
