package dev.kerasview.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.cli.KerasviewCommand;
import dev.kerasview.convert.CancellationFlag;
import dev.kerasview.convert.ConversionCancelledException;
import dev.kerasview.convert.ConversionProgress;
import dev.kerasview.convert.ConversionRequest;
import dev.kerasview.convert.ConversionTarget;
import dev.kerasview.convert.Converter;
import dev.kerasview.convert.WeightsFormat;
import dev.kerasview.formats.ModelReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conversion when things go wrong around it: a read-only output folder, a disk that fills up
 * mid-write, the process killed mid-write. Each time the input is unchanged, the output path
 * holds nothing or a complete verified file, no temporary file stays (or the next start removes
 * it), and the message says what happened.
 */
class ConversionFaultsTest {

    /** Temporary outputs are named {@code .<name>.kerasview-tmp-<random>} beside the target. */
    static final String TEMP_MARKER = ".kerasview-tmp-";

    @TempDir
    Path work;

    /** Result of an in-process convert. */
    record Run(int exit, String out, String err) {
        String said() {
            return (out + " " + err).toLowerCase();
        }
    }

    private static Run convert(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("convert"));
        all.addAll(List.of(args));
        int exit = KerasviewCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path input(String fixture) throws IOException {
        Path in = Files.createDirectories(work.resolve("in")).resolve(Path.of(fixture).getFileName());
        return Files.copy(FuzzFixtures.file(fixture), in);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertCleanFailure(Run r, Path outDir, String input, String hashBefore, Path inputFile,
            String... words) throws IOException {
        assertEquals(1, r.exit(), "a failed conversion is exit 1: " + r);
        assertTrue(VerdictRules.STACK_FRAME.matcher(r.err() + r.out()).results().findAny().isEmpty(), "stack trace: " + r);
        assertFalse(r.err().isBlank(), "a failure says what happened");
        boolean named = false;
        for (String w : words) {
            named |= r.said().contains(w);
        }
        assertTrue(named, "the message names the cause (" + String.join("|", words) + "): " + r);
        assertEquals(List.of(), listing(outDir), "nothing is left in the output folder");
        assertEquals(hashBefore, sha256(inputFile), input + " was changed");
    }

    @Test
    void outputFolderThatIsReadOnly() throws IOException {
        Path in = input("mlp/mlp.keras");
        String hash = sha256(in);
        Path ro = Files.createDirectories(work.resolve("ro"));
        String how;
        if (Mounts.tmpfs(ro, "1m", true)) {
            how = "read-only tmpfs";
        } else if (Mounts.isRoot() && Mounts.run("chattr", "+i", ro.toString())) {
            how = "chattr +i";
        } else if (!Mounts.isRoot()) {
            ro.toFile().setWritable(false, false);
            how = "chmod a-w";
        } else {
            Assumptions.abort("SKIPPED: running as root without mount or chattr, so no folder is read-only");
            return;
        }
        try {
            for (String to : List.of("h5", "json")) {
                Run r = convert(in.toString(), "--to", to, "-o", ro.resolve("out." + to).toString());
                assertCleanFailure(r, ro, "mlp.keras", hash, in, "read-only", "permission", "cannot write", "not permitted");
            }
        } finally {
            Mounts.unmount(ro);
            Mounts.run("chattr", "-i", ro.toString());
            ro.toFile().setWritable(true, false);
        }
        System.out.println("conversion into a read-only folder (" + how + "): refused cleanly");
    }

    @Test
    void diskFillsUpMidWrite() throws IOException {
        Path in = input("deep_cnn/deep_cnn.keras");
        String hash = sha256(in);
        Path full = Files.createDirectories(work.resolve("full"));
        Assumptions.assumeTrue(Mounts.tmpfs(full, "200k", false),
                "SKIPPED: cannot mount a 200 KB tmpfs (needs root) to fill up");
        try {
            assertTrue(Files.size(in) > 200 * 1024, "the input is bigger than the disk");
            for (String to : List.of("h5", "json")) {
                Run r = convert(in.toString(), "--to", to, "-o", full.resolve("out." + to).toString());
                assertCleanFailure(r, full, "deep_cnn.keras", hash, in, "space", "full", "disk");
            }
        } finally {
            Mounts.unmount(full);
        }
    }

    @Test
    void processKilledMidWrite() throws Exception {
        Path in = input("deep_cnn/deep_cnn.keras");
        String hash = sha256(in);
        Path out = Files.createDirectories(work.resolve("killed"));
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path target = out.resolve("deep_cnn.h5");
        ChildJvm child = new ChildJvm(work, logs, "-Xmx256m");
        List<String> killedAt = new ArrayList<>();
        int killedWhileWriting = 0;
        // kill as soon as the temporary output appears, and a little later: during the write and the verification
        for (long delay : new long[] {0, 20, 100, 400}) {
            List<String> before = listing(out);
            Process p = child.start(child.command("convert", in.toString(), "--to", "h5", "-o", target.toString()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (p.isAlive() && !hasNewTempFile(out, before) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            boolean writing = hasNewTempFile(out, before);
            Thread.sleep(delay);
            boolean wasRunning = p.isAlive();
            p.destroyForcibly().waitFor();
            killedWhileWriting += writing && wasRunning ? 1 : 0;
            killedAt.add(delay + " ms after the temporary file appeared" + (wasRunning ? "" : " (had finished)")
                    + ": " + listing(out));
            assertEquals(hash, sha256(in), "the input was changed by a killed conversion");
            if (Files.exists(target)) {
                assertCompleteAndVerified(target, in);
                Files.delete(target);
            }
            for (String name : listing(out)) {
                assertTrue(name.contains(TEMP_MARKER), "an unrecognisable file was left: " + name);
                // age it past the 'stale' threshold, as a leftover from a crash long ago
                Files.setLastModifiedTime(out.resolve(name), FileTime.from(Instant.now().minus(Duration.ofDays(1))));
            }
        }
        assertTrue(killedWhileWriting > 0, "no kill happened while the output was being written: " + killedAt);
        System.out.println("convert killed at " + killedAt);
        Run next = convert(in.toString(), "--to", "h5", "-o", target.toString());
        assertEquals(0, next.exit(), "the next conversion succeeds: " + next);
        assertEquals(List.of("deep_cnn.h5"), listing(out), "the next start removed every leftover temporary file");
        assertCompleteAndVerified(target, in);
    }

    private static boolean hasNewTempFile(Path dir, List<String> before) throws IOException {
        return listing(dir).stream().anyMatch(n -> n.contains(TEMP_MARKER) && !before.contains(n));
    }

    /** A complete output: the reader opens it, reads every variable's values, and finds as many as the input has. */
    private static void assertCompleteAndVerified(Path h5, Path input) throws IOException {
        long expected = variableCount(input);
        long found = variableCount(h5);
        assertEquals(expected, found, h5 + " does not hold every variable of " + input.getFileName());
    }

    private static long variableCount(Path file) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = KerasviewCommand.run(new PrintWriter(out), new PrintWriter(err), "inspect", file.toString(), "--json", "--stats");
        assertEquals(0, exit, file + " is not a complete model: " + err);
        com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertEquals(0, tree.path("problems").size(), file + " has problems: " + tree.path("problems"));
        return countVariables(tree.path("model"));
    }

    private static long countVariables(com.fasterxml.jackson.databind.JsonNode layer) {
        long n = 0;
        for (com.fasterxml.jackson.databind.JsonNode v : layer.path("variables")) {
            assertTrue(v.has("sum") || v.has("stats"), "variable read back without statistics: " + v);
            n++;
        }
        for (com.fasterxml.jackson.databind.JsonNode child : layer.path("layers")) {
            n += countVariables(child);
        }
        return n;
    }

    @Test
    void cancelledAtEveryStageOfTheConversion() throws Exception {
        Path in = input("deep_cnn/deep_cnn.keras");
        String hash = sha256(in);
        Path out = Files.createDirectories(work.resolve("cancelled"));
        List<String> stages = new ArrayList<>();
        for (String to : List.of("h5", "json")) {
            // cancel at the first progress report, a third of the way, and once verification starts
            for (String when : List.of("first", "third", "verifying")) {
                CancellationFlag cancel = new CancellationFlag();
                ConversionProgress progress = (done, total, item) -> {
                    boolean now = switch (when) {
                        case "first" -> true;
                        case "third" -> done * 3 >= total;
                        default -> item != null && item.startsWith("verifying");
                    };
                    if (now) {
                        cancel.cancel();
                    }
                };
                ConversionRequest request = new ConversionRequest(in, null,
                        to.equals("h5") ? ConversionTarget.H5 : ConversionTarget.JSON, WeightsFormat.LEGACY,
                        out.resolve("out." + to), false, false);
                Converter converter = new Converter(ModelReader::open, null, new LayerCatalog());
                ConversionCancelledException cancelled = org.junit.jupiter.api.Assertions.assertThrows(
                        ConversionCancelledException.class, () -> converter.convert(request, progress, cancel),
                        "cancelled " + when + " (" + to + ")");
                assertTrue(cancelled.getMessage().toLowerCase().contains("cancel"),
                        "the message says it was cancelled: " + cancelled.getMessage());
                assertEquals(List.of(), listing(out), "nothing is left after cancelling " + when + " (" + to + ")");
                assertEquals(hash, sha256(in), "the input was changed");
                stages.add(to + "/" + when);
            }
        }
        System.out.println("conversion cancelled cleanly at " + stages);
    }

    @Test
    void terminatedBySigtermRemovesItsTemporaryFiles() throws Exception {
        Path in = input("deep_cnn/deep_cnn.keras");
        String hash = sha256(in);
        Path out = Files.createDirectories(work.resolve("sigterm"));
        Path logs = Files.createDirectories(work.resolve("logs-term"));
        ChildJvm child = new ChildJvm(work, logs, "-Xmx256m");
        Process p = child.start(child.command("convert", in.toString(), "--to", "h5", "-o", out.resolve("t.h5").toString()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (p.isAlive() && !hasNewTempFile(out, List.of()) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        boolean writing = p.isAlive() && hasNewTempFile(out, List.of());
        p.destroy(); // SIGTERM: the shutdown hook cancels the conversion
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the conversion stops after SIGTERM");
        String err = Files.readString(logs.resolve("child.err"));
        assertEquals(hash, sha256(in), "the input was changed");
        if (Files.exists(out.resolve("t.h5"))) {
            assertCompleteAndVerified(out.resolve("t.h5"), in);
        } else {
            assertEquals(List.of(), listing(out), "SIGTERM during the write leaves nothing behind");
        }
        assertTrue(VerdictRules.STACK_FRAME.matcher(err).results().findAny().isEmpty(), "stack trace: " + err);
        System.out.println("convert terminated " + (writing ? "while writing" : "(before or after writing)")
                + ": exit " + p.exitValue() + ", left " + listing(out) + "; said: " + err.strip());
    }
}
