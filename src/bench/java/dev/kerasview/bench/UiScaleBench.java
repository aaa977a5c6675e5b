package dev.kerasview.bench;

import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens a model in the real kerasview window (headless under Monocle), measures the time
 * until its layer tree is laid out with rows, then types a query into the search field and
 * measures the longest stall of the FX thread while the window reacts.
 *
 * <p>With a second file, it is then opened in the running window the way a second
 * {@code kerasview FILE} start does it (the single-instance hand-over), and the time until that
 * new tab's tree is laid out is measured too.
 *
 * <p>Usage: {@code UiScaleBench FILE EXPECTED_ITEMS [QUERY] [KEY_INTERVAL_MS] [SECOND_FILE]}; prints
 * one line of {@code key=value} pairs. Run with {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless
 * -Dprism.order=sw}, or under X (GTK) without them. With {@code -Dbench.startEpochNanos=$(date +%s%N)} it
 * also reports {@code start_to_tree_ms}: from that clock reading, taken by the shell just before it
 * starts the JVM, to the tree's frame, which includes the JVM's own start.
 */
public final class UiScaleBench {

    private static final long TIMEOUT_S = 120;
    private static final long TREE_TIMEOUT_S = Long.getLong("bench.timeoutSeconds", TIMEOUT_S);
    private static final long SETTLE_MS = 1500;

    private UiScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        int expectedItems = Integer.parseInt(args[1]);
        String query = args.length > 2 ? args[2] : "dense_4999";
        long keyIntervalMs = args.length > 3 ? Long.parseLong(args[3]) : 100;
        Path second = args.length > 4 ? Path.of(args[4]).toAbsolutePath() : null;
        if (!Files.isRegularFile(file)) {
            System.err.println(file + ": no such file");
            System.exit(2);
        }
        long jvmUptimeAtLaunchMs = ManagementFactory.getRuntimeMXBean().getUptime();
        long launch = System.nanoTime();
        Thread app = new Thread(() -> dev.kerasview.ui.KerasviewApp.launchWindow(
                new String[] {file.toString()}), "kerasview-window");
        app.setDaemon(true);
        app.start();

        waitForToolkit();
        FrameClock clock = new FrameClock();
        TreeProbe probe = new TreeProbe(expectedItems);
        CompletableFuture<Long> windowShown = new CompletableFuture<>();
        CompletableFuture<Scene> treeShown = new CompletableFuture<>();
        long[] treeAt = new long[1];
        java.time.Instant[] treeWallClock = new java.time.Instant[1];
        Platform.runLater(() -> {
            clock.everyFrame(() -> {
                for (Scene s : TreeProbe.showingScenes()) {
                    if (!windowShown.isDone()) {
                        windowShown.complete(System.nanoTime());
                    }
                    // rows counted here were laid out by an earlier pulse: at most one frame late
                    if (!treeShown.isDone() && probe.populated(s)) {
                        treeAt[0] = System.nanoTime();
                        treeWallClock[0] = java.time.Instant.now();
                        trace("tree");
                        treeShown.complete(s);
                    }
                }
            });
            clock.start();
        });

        Scene scene;
        try {
            scene = treeShown.get(TREE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            String seen = onFx(() -> TreeProbe.showingScenes().stream().map(TreeProbe::describe)
                    .reduce("", (a, b) -> a + " | " + b));
            System.out.println("result=timeout tree_not_populated_within_s=" + TREE_TIMEOUT_S + " seen=" + seen);
            System.exit(1);
            return;
        }
        long shown = windowShown.get();
        long tree = treeAt[0];
        double loadStall = onFx(() -> clock.maxGapMillis(shown, tree));
        double loadCpuStall = onFx(() -> clock.maxCpuGapMillis(shown, tree));
        long processCpuAtTree = processCpuNanos();
        Runtime heap = Runtime.getRuntime();
        long heapUsedAtTree = heap.totalMemory() - heap.freeMemory();
        if (Boolean.getBoolean("bench.threads")) {
            System.err.println(ThreadCpu.summary());
        }

        Optional<TextField> field = onFx(() -> probe.searchField(scene));
        StringBuilder out = new StringBuilder();
        out.append("result=ok");
        out.append(String.format(" jvm_to_launch_ms=%d", jvmUptimeAtLaunchMs));
        out.append(String.format(" launch_to_window_ms=%.0f", (shown - launch) / 1e6));
        out.append(String.format(" launch_to_tree_ms=%.0f", (tree - launch) / 1e6));
        String started = System.getProperty("bench.startEpochNanos");
        if (started != null) {
            // from the shell's clock reading just before it started the JVM: everything a user waits for
            java.time.Instant t0 = java.time.Instant.EPOCH.plusNanos(Long.parseLong(started));
            out.append(String.format(" start_to_tree_ms=%.0f", java.time.Duration.between(t0, treeWallClock[0]).toNanos() / 1e6));
        }
        out.append(String.format(" window_to_tree_ms=%.0f", (tree - shown) / 1e6));
        out.append(String.format(" max_stall_during_open_ms=%.0f", loadStall));
        out.append(String.format(" max_fx_cpu_between_frames_open_ms=%.0f", loadCpuStall));
        out.append(" process_cpu_to_tree_ms=" + millis(processCpuAtTree));
        // allocated since the last collection plus what survived it: with none yet, all allocation so far
        out.append(String.format(" heap_used_at_tree_mb=%.0f", heapUsedAtTree / 1e6));
        if (field.isEmpty()) {
            out.append(" search=no_text_field_found");
        } else {
            TextField tf = field.get();
            String fieldName = onFx(() -> tf.getId() + "/" + tf.getPromptText());
            onFx(() -> {
                tf.requestFocus();
                tf.clear();
                return null;
            });
            Thread.sleep(300);
            long typeStart = System.nanoTime();
            for (char c : query.toCharArray()) {
                Platform.runLater(() -> type(tf, c));
                Thread.sleep(keyIntervalMs);
            }
            // how long the FX thread needs to get to a task queued after the last key
            long loopEnd = System.nanoTime();
            long lastKeyHandled = onFx(System::nanoTime);
            Thread.sleep(SETTLE_MS);
            long typeEnd = System.nanoTime();
            double stall = onFx(() -> clock.maxGapMillis(typeStart, typeEnd));
            double cpuStall = onFx(() -> clock.maxCpuGapMillis(typeStart, typeEnd));
            long over50 = onFx(() -> clock.gapsOver(typeStart, typeEnd, 50));
            long frames = onFx(() -> clock.frameCount(typeStart, typeEnd));
            String typed = onFx(tf::getText);
            int rowsAfter = onFx(() -> visibleTreeRows(scene));
            out.append(" search_field=").append(fieldName.replace(' ', '_'));
            out.append(" typed=").append(typed.equals(query) ? "ok" : "MISMATCH:" + typed);
            out.append(String.format(" key_interval_ms=%d", keyIntervalMs));
            out.append(String.format(" typing_window_ms=%.0f", (typeEnd - typeStart) / 1e6));
            out.append(String.format(" fx_queue_lag_after_typing_ms=%.0f", (lastKeyHandled - loopEnd) / 1e6));
            out.append(String.format(" max_stall_typing_ms=%.0f", stall));
            out.append(String.format(" max_fx_cpu_between_frames_typing_ms=%.0f", cpuStall));
            out.append(" stalls_over_50ms=").append(over50);
            out.append(" frames=").append(frames);
            out.append(" rows_after_filter=").append(rowsAfter);
        }
        if (second != null) {
            out.append(reopen(second, probe, scene, clock));
        }
        System.out.println(out);
        System.out.flush();
        System.exit(0);
    }

    /**
     * Hands {@code file} to the running window through the single-instance gate, exactly as a
     * second start would, and measures until the new tab's tree shows its rows.
     */
    private static String reopen(Path file, TreeProbe probe, Scene scene, FrameClock clock) throws Exception {
        java.util.Set<javafx.scene.Node> earlier = onFx(() -> TreeProbe.trees(scene));
        CompletableFuture<Long> shown = new CompletableFuture<>();
        onFx(() -> {
            clock.everyFrame(() -> {
                if (!shown.isDone() && probe.populated(scene, earlier)) {
                    trace("tree2");
                    shown.complete(System.nanoTime());
                }
            });
            return null;
        });
        long cpuBefore = processCpuNanos();
        trace("reopen");
        long start = System.nanoTime();
        dev.kerasview.instance.InstanceClaim claim = dev.kerasview.instance.InstanceGate.forCurrentUser()
                .claim(java.util.List.of(file));
        if (!(claim instanceof dev.kerasview.instance.HandedOver)) {
            // this process now holds no window of its own to hand over to: nothing to measure
            return " reopen=not_handed_over";
        }
        long tree;
        try {
            tree = shown.get(TREE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return " reopen=timeout";
        }
        long cpuAfter = processCpuNanos();
        String cpu = cpuBefore < 0 ? millis(-1) : millis(cpuAfter - cpuBefore);
        double stall = onFx(() -> clock.maxGapMillis(start, tree));
        double cpuStall = onFx(() -> clock.maxCpuGapMillis(start, tree));
        return String.format(" reopen_to_tree_ms=%.0f max_stall_during_reopen_ms=%.0f"
                + " max_fx_cpu_between_frames_reopen_ms=%.0f process_cpu_reopen_ms=%s",
                (tree - start) / 1e6, stall, cpuStall, cpu);
    }

    /** Nanoseconds as whole milliseconds, or n/a where the runtime cannot measure them. */
    private static String millis(long nanos) {
        return nanos < 0 ? "n/a" : String.valueOf(Math.round(nanos / 1e6));
    }

    // Key events go through the field's own dispatch chain, like keys from the keyboard once
    // the field has focus; KEY_TYPED is what inserts the character.
    private static void type(TextField tf, char c) {
        String s = String.valueOf(c);
        KeyCode code = Character.isLetterOrDigit(c) ? KeyCode.getKeyCode(s.toUpperCase()) : KeyCode.UNDEFINED;
        if (code == null) {
            code = KeyCode.UNDEFINED;
        }
        Event.fireEvent(tf, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
        Event.fireEvent(tf, new KeyEvent(KeyEvent.KEY_TYPED, s, s, KeyCode.UNDEFINED, false, false, false, false));
        Event.fireEvent(tf, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, false, false, false, false));
    }

    private static int visibleTreeRows(Scene scene) {
        int best = 0;
        for (javafx.scene.Node n : scene.getRoot().lookupAll(".tree-view")) {
            best = Math.max(best, TreeProbe.visibleRows(n));
        }
        for (javafx.scene.Node n : scene.getRoot().lookupAll(".tree-table-view")) {
            best = Math.max(best, TreeProbe.visibleRows(n));
        }
        return best;
    }

    /** With -Dbench.threads=true, when (ms since the JVM started) a step happened, on stderr. */
    private static void trace(String step) {
        if (Boolean.getBoolean("bench.threads")) {
            System.err.println("T " + step + " " + ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }

    private static long processCpuNanos() {
        try {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : -1;
        } catch (NoClassDefFoundError e) {
            // the packaged app's trimmed runtime has no jdk.management: the kernel's count, in clock ticks
            return procStatCpuNanos();
        }
    }

    /** utime + stime of /proc/self/stat (fields 14 and 15, counted after the parenthesised name), or -1. */
    private static long procStatCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * (1_000_000_000L / Long.getLong("bench.clockTicks", 100));
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void waitForToolkit() throws InterruptedException {
        FxThread.waitForToolkit(TIMEOUT_S);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> task) throws Exception {
        return FxThread.call(task, TIMEOUT_S);
    }
}
