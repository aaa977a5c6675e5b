package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.TestEnvironment;
import dev.kerasview.config.KerasJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The HDF Group's h5dump and h5py (system Python) as independent judges of written files. */
final class ReferenceTools {

    static final Path SUMMARY = Path.of("src/test/resources/convert/h5summary.py");

    private ReferenceTools() {
    }

    /** Skips the calling test when h5py is not installed. */
    static void assumeH5py() {
        TestEnvironment.assumeH5py();
    }

    /** The Python with h5py (the calling test is skipped when there is none). */
    static String python() {
        return TestEnvironment.assumeH5py().toString();
    }

    /** Summaries of the read-only fixtures, computed once per test run. */
    private static final java.util.Map<String, JsonNode> FIXTURE_SUMMARIES = new java.util.concurrent.ConcurrentHashMap<>();

    /** h5py's summary of a file (see h5summary.py); fails the test when h5py cannot open it. */
    static JsonNode summary(Path file, String mode) throws IOException {
        if (file.toAbsolutePath().startsWith(Fixtures.ROOT.toAbsolutePath())) {
            String key = file.toAbsolutePath() + "|" + mode;
            JsonNode cached = FIXTURE_SUMMARIES.get(key);
            if (cached == null) {
                cached = summarise(file, mode);
                FIXTURE_SUMMARIES.put(key, cached);
            }
            return cached.deepCopy();
        }
        return summarise(file, mode);
    }

    private static JsonNode summarise(Path file, String mode) throws IOException {
        Result r = run(List.of(python(), SUMMARY.toString(), file.toString(), mode));
        if (r.exit != 0) {
            throw new AssertionError("h5py could not read " + file + ": " + r.err);
        }
        return KerasJson.parse(r.out);
    }

    /** Runs {@code h5dump -H} and returns its exit code and error output. */
    static Result h5dumpHeader(Path file) {
        return run(List.of(TestEnvironment.assumeH5dump().toString(), "-H", file.toString()));
    }

    /** A finished process. */
    record Result(int exit, String out, String err) {
    }

    static Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).start();
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "", "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", e.toString());
        }
    }

    /** SHA-256 of a file. */
    static String sha256(Path file) throws Exception {
        var md = java.security.MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }
}
