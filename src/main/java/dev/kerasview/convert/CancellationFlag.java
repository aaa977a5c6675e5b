package dev.kerasview.convert;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cancellation token set from another thread (a Cancel button, a signal handler). */
public final class CancellationFlag implements CancellationToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Requests cancellation; the conversion stops at its next check. */
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
