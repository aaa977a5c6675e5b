package dev.kerasview.ui;

import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Catches exceptions nothing else caught on the JavaFX thread: the person sees one readable
 * sentence in a dialog and the window keeps running; the trace goes to the log for a bug report.
 */
final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler {

    private final Consumer<String> show;

    /** A handler that shows each message through {@code show} (on the JavaFX thread). */
    UncaughtErrorHandler(Consumer<String> show) {
        this.show = show;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        error.printStackTrace();
        String message = ErrorMessages.describe(error);
        if (Platform.isFxApplicationThread()) {
            show.accept(message);
        } else {
            Platform.runLater(() -> show.accept(message));
        }
    }
}
