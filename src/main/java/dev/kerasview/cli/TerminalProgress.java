package dev.kerasview.cli;

import dev.kerasview.convert.ConversionProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows a conversion's progress on one terminal line that rewrites itself, at most ten times a
 * second; {@link #finish()} clears it so that the result lines stand alone.
 */
final class TerminalProgress implements ConversionProgress {

    private static final long INTERVAL_NANOS = 100_000_000L;
    private static final int WIDTH = 79;

    private final PrintWriter err;
    private final LongSupplier clock;
    private long lastNanos;
    private boolean shown;

    TerminalProgress(PrintWriter err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
        this.lastNanos = clock.getAsLong() - INTERVAL_NANOS;
    }

    @Override
    public synchronized void update(long bytesDone, long bytesTotal, String item) {
        long now = clock.getAsLong();
        if (now - lastNanos < INTERVAL_NANOS) {
            return;
        }
        lastNanos = now;
        String percent = bytesTotal > 0 ? String.format(Locale.ROOT, "%3d%% ", bytesDone * 100 / bytesTotal) : "";
        String line = percent + item;
        if (line.length() > WIDTH) {
            line = line.substring(0, WIDTH - 1) + "…";
        }
        err.print("\r" + line + " ".repeat(WIDTH - line.length()));
        err.flush();
        shown = true;
    }

    /** Clears the progress line. */
    synchronized void finish() {
        if (shown) {
            err.print("\r" + " ".repeat(WIDTH) + "\r");
            err.flush();
            shown = false;
        }
    }
}
