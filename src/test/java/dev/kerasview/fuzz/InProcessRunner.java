package dev.kerasview.fuzz;

import dev.kerasview.cli.KerasviewCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link KerasviewCommand#run(PrintWriter, PrintWriter, String...)} in this JVM on a worker
 * thread with a time limit, capturing its writers and anything written to {@code System.out} and
 * {@code System.err} (where libraries log) while it runs. A run that times out leaves its thread
 * behind, so the next run gets a fresh worker.
 */
final class InProcessRunner implements AutoCloseable {

    /** Wall-clock cap, as a multiple of the limit, for a run that hangs without using CPU. */
    private static final int HARD_CAP_FACTOR = 12;

    private final Duration limit;
    private final ByteArrayOutputStream processStreams = new ByteArrayOutputStream();
    private final PrintStream savedOut = System.out;
    private final PrintStream savedErr = System.err;
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private Thread workerThread;
    private ExecutorService worker = newWorker();

    InProcessRunner(Duration limit) {
        this.limit = limit;
        PrintStream capture = new PrintStream(processStreams, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
    }

    /** Work run on the worker thread, writing to the given streams and returning an exit code. */
    interface Task {
        int run(PrintWriter out, PrintWriter err) throws Exception;
    }

    /** Runs the kerasview command line. */
    Outcome run(String... args) {
        return run((out, err) -> KerasviewCommand.run(out, err, args));
    }

    /** Runs any task; a throwable escaping it is reported in {@link Outcome#escaped()}. */
    Outcome run(Task task) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        synchronized (processStreams) {
            processStreams.reset();
        }
        long start = System.nanoTime();
        long[] cpuAtStart = {0};
        Future<Integer> future = worker.submit(() -> {
            cpuAtStart[0] = threads.getCurrentThreadCpuTime();
            return task.run(new PrintWriter(out, true), new PrintWriter(err, true));
        });
        Thread runner = workerThread;
        Integer exit = null;
        boolean timedOut = false;
        Throwable escaped = null;
        try {
            exit = awaitWithinLimit(future, runner, start, cpuAtStart);
        } catch (TimeoutException e) {
            timedOut = true;
        } catch (ExecutionException e) {
            escaped = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            escaped = e;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Duration cpu = Duration.ofNanos(Math.max(0, threads.getThreadCpuTime(runner.getId()) - cpuAtStart[0]));
        if (timedOut) {
            future.cancel(true);
            worker.shutdownNow();
            stopHungThread(runner);
            worker = newWorker();
        }
        String stray;
        synchronized (processStreams) {
            stray = processStreams.toString(StandardCharsets.UTF_8);
        }
        return new Outcome(exit, out.toString(), err.toString(), stray, elapsed, cpu, timedOut, escaped);
    }

    /**
     * Waits until the run ends or has used the limit in CPU time (past the limit in wall time
     * too). On an idle machine that is the limit in wall time; on a machine shared by many
     * builds, as this one is, a run starved of CPU is not mistaken for a hang. The hard cap
     * bounds a run that blocks without using CPU.
     */
    private Integer awaitWithinLimit(Future<Integer> future, Thread runner, long start, long[] cpuAtStart)
            throws TimeoutException, ExecutionException, InterruptedException {
        long limitNanos = limit.toNanos();
        while (true) {
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException slice) {
                long wall = System.nanoTime() - start;
                long cpu = threads.getThreadCpuTime(runner.getId()) - cpuAtStart[0];
                if ((wall > limitNanos && cpu > limitNanos) || wall > HARD_CAP_FACTOR * limitNanos) {
                    throw slice;
                }
            }
        }
    }

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            workerThread = t;
            return t;
        });
    }

    /**
     * A hung run ignores interruption and would burn a core for the rest of the test run,
     * slowing every later file; Java 17 can still stop it (the failure is already recorded).
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stopHungThread(Thread t) {
        try {
            t.join(200);
            if (t.isAlive()) {
                t.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException e) {
            // Java 20+: the thread keeps running as a daemon until the JVM exits
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        System.setOut(savedOut);
        System.setErr(savedErr);
    }
}
