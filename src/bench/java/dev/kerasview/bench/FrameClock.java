package dev.kerasview.bench;

import javafx.animation.AnimationTimer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Records when the FX thread runs each pulse; a long gap between two pulses is a stall
 * (the thread was busy with something else: event handling, layout, a filter).
 * An active AnimationTimer makes the toolkit request a pulse every frame (~16.7 ms).
 */
final class FrameClock extends AnimationTimer {

    private final List<Long> frames = new ArrayList<>();
    // CPU time of the FX thread at each frame: a gap in it is work the thread did between two
    // frames, which is what a person would see as a stall on an otherwise idle machine
    private final List<Long> cpu = new ArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Runnable> onFrame = new ArrayList<>();

    @Override
    public void handle(long pulseTime) {
        // System.nanoTime, not the pulse time: the pulse time is when the pulse was planned,
        // a stalled thread delivers it late.
        frames.add(System.nanoTime());
        cpu.add(threads.getCurrentThreadCpuTime());
        for (Runnable r : List.copyOf(onFrame)) {
            r.run();
        }
    }

    /** Runs {@code r} on every frame from now on (FX thread only). */
    void everyFrame(Runnable r) {
        onFrame.add(r);
    }

    /** Longest gap in ms between consecutive frames that lie in [fromNanos, toNanos] (FX thread only). */
    double maxGapMillis(long fromNanos, long toNanos) {
        return gaps(fromNanos, toNanos).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Largest FX-thread CPU time in ms spent between two consecutive frames in the window (FX thread only). */
    double maxCpuGapMillis(long fromNanos, long toNanos) {
        double max = 0;
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i) >= fromNanos && frames.get(i - 1) <= toNanos) {
                max = Math.max(max, (cpu.get(i) - cpu.get(i - 1)) / 1e6);
            }
        }
        return max;
    }

    /** FX-thread CPU time in ms between each two consecutive frames in the window, in order (FX thread only). */
    List<Double> cpuGapsMillis(long fromNanos, long toNanos) {
        List<Double> out = new ArrayList<>();
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i - 1) >= fromNanos && frames.get(i) <= toNanos) {
                out.add((cpu.get(i) - cpu.get(i - 1)) / 1e6);
            }
        }
        return out;
    }

    /** Number of gaps longer than {@code thresholdMs} in the window (FX thread only). */
    long gapsOver(long fromNanos, long toNanos, double thresholdMs) {
        return gaps(fromNanos, toNanos).stream().filter(g -> g > thresholdMs).count();
    }

    /** Frames seen in the window (FX thread only). */
    long frameCount(long fromNanos, long toNanos) {
        return frames.stream().filter(t -> t >= fromNanos && t <= toNanos).count();
    }

    private List<Double> gaps(long fromNanos, long toNanos) {
        List<Double> out = new ArrayList<>();
        Long prev = null;
        for (long t : frames) {
            if (t > toNanos) {
                // the gap that straddles the window end still counts: the stall was inside it
                if (prev != null && prev >= fromNanos) {
                    out.add((t - prev) / 1e6);
                }
                break;
            }
            if (prev != null && t >= fromNanos) {
                out.add((t - Math.max(prev, fromNanos)) / 1e6);
            }
            prev = t;
        }
        return out;
    }
}
