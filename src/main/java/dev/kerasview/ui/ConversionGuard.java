package dev.kerasview.ui;

import dev.kerasview.convert.CancellationToken;
import dev.kerasview.convert.ConversionProgress;
import dev.kerasview.convert.ConversionRequest;
import dev.kerasview.convert.Converter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps the window's converter so that the process can end without leaving a partial file:
 * it journals each conversion's outputs (for the next start to clean up after a kill) and, when
 * the process is asked to stop (SIGTERM, logout), cancels every conversion and waits until each
 * converter has removed its temporary files.
 */
final class ConversionGuard implements ModelConverter {

    private final ModelConverter delegate;
    private final ConversionJournal journal;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private int running;

    /** Guards {@code delegate}, journalling in {@code journal}. */
    ConversionGuard(ModelConverter delegate, ConversionJournal journal) {
        this.delegate = delegate;
        this.journal = journal;
    }

    @Override
    public ConversionOutcome convert(ConversionRequest request, ConversionProgress progress, CancellationToken cancel)
            throws Exception {
        List<Path> outputs = Converter.outputs(request);
        synchronized (this) {
            running++;
        }
        journal.started(outputs);
        try {
            return delegate.convert(request, progress, () -> stopping.get() || cancel.isCancelled());
        } finally {
            journal.ended(outputs);
            synchronized (this) {
                running--;
                notifyAll();
            }
        }
    }

    /**
     * Cancels every running conversion and waits up to {@code timeout} for their converters to
     * return; true when none runs any more. Conversions started afterwards are cancelled at once.
     */
    boolean stopAll(Duration timeout) throws InterruptedException {
        stopping.set(true);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }

    /** Makes the JVM's shutdown (SIGTERM, logout, System.exit) wait for the conversions to clean up. */
    void stopOnShutdown(Duration timeout) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stopAll(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kerasview-conversion-shutdown"));
    }
}
