package dev.kerasview.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code dev.kerasview.Main} in a separate JVM with this test's class path and a heap limit. */
final class ChildJvm {

    private final List<String> jvmOptions;
    private final Path workDir;
    private final Path logDir;

    /** A child running in {@code workDir}, its output kept in {@code logDir} (outside what the child may touch). */
    ChildJvm(Path workDir, Path logDir, String... jvmOptions) {
        this.workDir = workDir;
        this.logDir = logDir;
        this.jvmOptions = List.of(jvmOptions);
    }

    /** The command line that starts Main with these arguments. */
    List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.kerasview.Main");
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts the child with stdout and stderr going to files in the log folder. */
    Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(logDir.resolve("child.out").toFile())
                .redirectError(logDir.resolve("child.err").toFile())
                .start();
    }

    /**
     * Waits until the child exits, or has used the limit in CPU time past the limit in wall time
     * (so that a child starved of CPU on a shared machine is not mistaken for a hang), or hits
     * a hard wall-clock cap of 10 times the limit.
     */
    private static boolean awaitWithinLimit(Process p, Duration limit, long start) throws InterruptedException {
        while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
            long wall = System.nanoTime() - start;
            long cpu = p.info().totalCpuDuration().map(Duration::toNanos).orElse(wall);
            if ((wall > limit.toNanos() && cpu > limit.toNanos()) || wall > 10 * limit.toNanos()) {
                return false;
            }
        }
        return true;
    }

    Outcome run(Duration limit, String... args) throws IOException, InterruptedException {
        return run(limit, command(args));
    }

    Outcome run(Duration limit, List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = start(command);
        boolean finished = awaitWithinLimit(p, limit, start);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String out = new String(Files.readAllBytes(logDir.resolve("child.out")), StandardCharsets.UTF_8);
        String err = new String(Files.readAllBytes(logDir.resolve("child.err")), StandardCharsets.UTF_8);
        return Outcome.ofProcess(finished ? p.exitValue() : null, out, err, elapsed, !finished);
    }
}
