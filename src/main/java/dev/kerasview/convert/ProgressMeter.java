package dev.kerasview.convert;

import java.io.IOException;

/**
 * Counts the tensor bytes a conversion has moved (written, then compared), reports them as
 * progress and checks for a cancel at every step; shared by the copier and the comparer, whose
 * threads may report at once.
 */
final class ProgressMeter {

    /** Signals a cancel from inside a channel write, where only IOException may be thrown. */
    static final class Cancelled extends IOException {
        Cancelled() {
            super("cancelled");
        }
    }

    private static final long REPORT_EVERY = 1 << 20;

    private final ConversionProgress progress;
    private final CancellationToken cancel;
    private final long total;
    private long done;
    private long lastReport;
    private String phase = "writing";

    /** @param total all bytes the conversion will move, writing and verifying together */
    ProgressMeter(ConversionProgress progress, CancellationToken cancel, long total) {
        this.progress = progress;
        this.cancel = cancel;
        this.total = total;
    }

    /** Switches the progress label (writing, verifying). */
    synchronized void phase(String name) {
        this.phase = name;
    }

    /** A new item starts: reports it. */
    synchronized void begin(String label) throws Cancelled {
        checkCancel();
        lastReport = done;
        progress.update(Math.min(done, total), total, phase + " " + label);
    }

    /** {@code n} more bytes of the current item are done. */
    synchronized void advance(long n, String label) throws Cancelled {
        checkCancel();
        done += n;
        if (done - lastReport >= REPORT_EVERY) {
            lastReport = done;
            progress.update(Math.min(done, total), total, phase + " " + label);
        }
    }

    synchronized long done() {
        return done;
    }

    void checkCancel() throws Cancelled {
        if (cancel.isCancelled()) {
            throw new Cancelled();
        }
    }
}
