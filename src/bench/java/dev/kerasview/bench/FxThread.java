package dev.kerasview.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Waits for the JavaFX toolkit and runs work on its thread, for the benches' main threads. */
final class FxThread {

    private FxThread() {
    }

    /** Returns once {@code Platform.runLater} is accepted, or fails after {@code timeoutSeconds}. */
    static void waitForToolkit(long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            try {
                Platform.runLater(() -> { });
                return;
            } catch (IllegalStateException notYet) {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("JavaFX toolkit did not start");
    }

    /** Runs {@code task} on the FX thread and waits at most {@code timeoutSeconds} for its result. */
    static <T> T call(Callable<T> task, long timeoutSeconds) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(timeoutSeconds, TimeUnit.SECONDS);
    }
}
