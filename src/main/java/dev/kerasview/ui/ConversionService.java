package dev.kerasview.ui;

import dev.kerasview.convert.ConversionRequest;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * Runs a conversion in the background with byte progress and cooperative cancel.
 * {@link #busyProperty()} stays true until the converter has really returned (after a cancel
 * it still removes its partial output), unlike {@code running}, which ends at the cancel.
 * How each run ended goes to {@link #setOnEnded}, once, from what the converter returned: the
 * service's own state events are not used, as {@code restart()} reports the previous, finished
 * run as cancelled.
 */
public final class ConversionService extends Service<ConversionOutcome> {

    /**
     * How a run ended.
     *
     * @param outcome what was written, or null
     * @param error   why nothing was written (a {@link java.util.concurrent.CancellationException} after a cancel), or null
     */
    public record Ended(ConversionOutcome outcome, Throwable error) {
    }

    private final ModelConverter converter;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private Consumer<Ended> onEnded = ended -> { };
    private ConversionRequest request;
    private Object generation = new Object();

    /** A service converting through {@code converter}. */
    public ConversionService(ModelConverter converter) {
        this.converter = converter;
    }

    /** Starts converting as {@code r} says. */
    public void convert(ConversionRequest r) {
        this.request = r;
        this.generation = new Object();
        busy.set(true);
        restart();
    }

    /** Called on the JavaFX thread when the converter of the latest run has returned. */
    public void setOnEnded(Consumer<Ended> onEnded) {
        this.onEnded = onEnded;
    }

    /** True from the start until the converter has returned, also after a cancel. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    protected Task<ConversionOutcome> createTask() {
        ConversionRequest r = request;
        Object mine = generation;
        return new Task<>() {
            @Override
            protected ConversionOutcome call() throws Exception {
                ConversionOutcome outcome = null;
                Throwable error = null;
                try {
                    updateMessage("Starting …");
                    outcome = converter.convert(r, this::progress, this::isCancelled);
                    return outcome;
                } catch (Throwable t) {
                    // a cancel also interrupts the thread, so the converter may end with whatever that caused
                    error = isCancelled() && !(t instanceof CancellationException)
                            ? new CancellationException("cancelled") : t;
                    throw t;
                } finally {
                    Ended ended = new Ended(outcome, error);
                    Platform.runLater(() -> {
                        if (generation == mine) {
                            busy.set(false);
                            onEnded.accept(ended);
                        }
                    });
                }
            }

            private void progress(long done, long total, String item) {
                String step = item == null || item.isEmpty() ? "" : "  ·  " + item;
                if (total > 0) {
                    updateProgress(done, total);
                    updateMessage(DisplayFormat.bytes(done) + " of " + DisplayFormat.bytes(total)
                            + " (" + Math.round(100.0 * done / total) + " %)" + step);
                } else {
                    updateMessage(DisplayFormat.bytes(done) + step);
                }
            }
        };
    }
}
