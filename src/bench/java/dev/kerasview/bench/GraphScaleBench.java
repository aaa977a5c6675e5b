package dev.kerasview.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.ScrollEvent;

/**
 * Opens a model in the real window, waits for its tree and for the diagnosis to settle, then
 * opens the graph tab and measures (1) the time until the graph's first frame is drawn and (2)
 * the FX thread's CPU time per frame while the graph is panned and zoomed, one scroll event per
 * frame: zoomed out until the whole graph is in view (the most boxes drawn), then back in, then
 * panned.
 *
 * <p>Usage: {@code GraphScaleBench FILE EXPECTED_ITEMS [SETTLE_MS]}; prints one line of
 * {@code key=value} pairs. Finds the tab and canvas by their ids, not the UI's classes.
 */
public final class GraphScaleBench {

    private static final long TIMEOUT_S = 120;
    // key the graph canvas counts its drawn frames under (GraphCanvas.FRAMES)
    private static final String FRAMES = "kerasview.graphFrames";
    private static final int STEPS = 60;

    private GraphScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        int expectedItems = Integer.parseInt(args[1]);
        long settleMs = args.length > 2 ? Long.parseLong(args[2]) : 3000;
        if (!Files.isRegularFile(file)) {
            System.err.println(file + ": no such file");
            System.exit(2);
        }
        Thread app = new Thread(() -> dev.kerasview.ui.KerasviewApp.launchWindow(new String[] {file.toString()}),
                "kerasview-window");
        app.setDaemon(true);
        app.start();
        waitForToolkit();

        FrameClock clock = new FrameClock();
        TreeProbe probe = new TreeProbe(expectedItems);
        CompletableFuture<Scene> treeShown = new CompletableFuture<>();
        Platform.runLater(() -> {
            clock.everyFrame(() -> {
                for (Scene s : TreeProbe.showingScenes()) {
                    if (!treeShown.isDone() && probe.populated(s)) {
                        treeShown.complete(s);
                    }
                }
            });
            clock.start();
        });
        Scene scene = treeShown.get(TIMEOUT_S, TimeUnit.SECONDS);
        // the diagnosis runs after the tree; the person opens the graph once the window is idle
        Thread.sleep(settleMs);

        CompletableFuture<Long> firstFrame = new CompletableFuture<>();
        Node[] canvas = new Node[1];
        long opened = onFx(() -> {
            TabPane tabs = (TabPane) scene.getRoot().lookup("#sideTabs");
            Tab graph = tabs.getTabs().stream().filter(t -> "graphTab".equals(t.getId())).findFirst().orElseThrow();
            clock.everyFrame(() -> {
                if (canvas[0] == null) {
                    canvas[0] = scene.getRoot().lookup("#graphCanvas");
                }
                // set while the previous pulse drew it: at most one frame late
                if (!firstFrame.isDone() && canvas[0] != null && canvas[0].getProperties().get(FRAMES) != null) {
                    firstFrame.complete(System.nanoTime());
                }
            });
            long t = System.nanoTime();
            tabs.getSelectionModel().select(graph);
            return t;
        });
        long drawn = firstFrame.get(TIMEOUT_S, TimeUnit.SECONDS);
        double maxOpenCpu = onFx(() -> clock.maxCpuGapMillis(opened, drawn));
        Thread.sleep(500);

        // one scroll event per frame: zoom out 60 frames, in 60 frames, pan 60 frames
        List<double[]> script = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            script.add(new double[] {0, -120, 1});
        }
        for (int i = 0; i < STEPS; i++) {
            script.add(new double[] {0, 120, 1});
        }
        for (int i = 0; i < STEPS; i++) {
            script.add(new double[] {0, -40, 0});
        }
        CompletableFuture<long[]> done = new CompletableFuture<>();
        int[] step = new int[1];
        long[] window = new long[2];
        onFx(() -> {
            clock.everyFrame(() -> {
                if (step[0] == 0) {
                    window[0] = System.nanoTime();
                }
                if (step[0] < script.size()) {
                    double[] s = script.get(step[0]++);
                    scroll(canvas[0], s[0], s[1], s[2] > 0);
                } else if (!done.isDone()) {
                    // this frame follows the last event's: its cost is in the window
                    window[1] = System.nanoTime();
                    done.complete(window);
                }
            });
            return null;
        });
        long[] w = done.get(TIMEOUT_S, TimeUnit.SECONDS);
        List<Double> perFrame = onFx(() -> clock.cpuGapsMillis(w[0], w[1]));
        double wallMax = onFx(() -> clock.maxGapMillis(w[0], w[1]));
        long frames = onFx(() -> clock.frameCount(w[0], w[1]));
        List<Double> sorted = new ArrayList<>(perFrame);
        sorted.sort(null);
        int drawnFrames = onFx(() -> (Integer) canvas[0].getProperties().get(FRAMES));
        System.out.println(String.format("result=ok open_graph_to_first_frame_ms=%.0f max_fx_cpu_between_frames_opening_ms=%.0f"
                        + " pan_zoom_events=%d frames=%d graph_frames_drawn=%d fx_cpu_per_frame_median_ms=%.2f"
                        + " fx_cpu_per_frame_p95_ms=%.2f fx_cpu_per_frame_max_ms=%.2f frames_over_16ms=%d wall_max_gap_ms=%.0f",
                (drawn - opened) / 1e6, maxOpenCpu, script.size(), frames, drawnFrames, pct(sorted, 0.5), pct(sorted, 0.95),
                sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1),
                perFrame.stream().filter(v -> v > 16).count(), wallMax));
        System.out.flush();
        System.exit(0);
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    /** A wheel event at the canvas's centre: with Ctrl it zooms, without it pans. */
    private static void scroll(Node target, double dx, double dy, boolean zoom) {
        double x = target.getLayoutBounds().getWidth() / 2;
        double y = target.getLayoutBounds().getHeight() / 2;
        Event.fireEvent(target, new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, zoom, false, false, false, false,
                dx, dy, dx, dy, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0,
                0, null));
    }

    private static void waitForToolkit() throws InterruptedException {
        FxThread.waitForToolkit(TIMEOUT_S);
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        return FxThread.call(task, TIMEOUT_S);
    }
}
