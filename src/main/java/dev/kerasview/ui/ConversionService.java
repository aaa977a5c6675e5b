package dev.kerasview.ui;

import dev.kerasview.convert.ConversionRequest;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * Runs a conversion in the background with byte progress and cooperative cancel.
 * {@link #busyProperty()} stays true until the converter has really returned (after a cancel
 * it still removes its partial output), unlike {@code running}, which ends at the cancel.
 */
public final class ConversionService extends Service<ConversionOutcome> {

    private final ModelConverter converter;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
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
                try {
                    updateMessage("Starting …");
                    return converter.convert(r, (done, total, item) -> {
                            String step = item == null || item.isEmpty() ? "" : "  ·  " + item;
                            if (total > 0) {
                                updateProgress(done, total);
                                updateMessage(DisplayFormat.bytes(done) + " of " + DisplayFormat.bytes(total)
                                        + " (" + Math.round(100.0 * done / total) + " %)" + step);
                            } else {
                                updateMessage(DisplayFormat.bytes(done) + step);
                            }
                    }, this::isCancelled);
                } finally {
                    Platform.runLater(() -> {
                        if (generation == mine) {
                            busy.set(false);
                        }
                    });
                }
            }
        };
    }
}
