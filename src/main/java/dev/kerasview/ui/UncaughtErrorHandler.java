package dev.kerasview.ui;

import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Catches exceptions nothing else caught on the JavaFX thread: the person sees one readable
 * sentence in a dialog and the window keeps running; the trace goes to the log for a bug report.
 */
final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler {

    private final Consumer<String> show;
    private final LogFile log;

    /** A handler that shows each message through {@code show} (on the JavaFX thread). */
    UncaughtErrorHandler(Consumer<String> show) {
        this(show, null);
    }

    /** As above, writing each error's trace to {@code log} (null: to the standard error). */
    UncaughtErrorHandler(Consumer<String> show, LogFile log) {
        this.show = show;
        this.log = log;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (log != null) {
            log.error(thread, error);
        } else {
            error.printStackTrace();
        }
        String message = ErrorMessages.describe(error);
        if (Platform.isFxApplicationThread()) {
            show.accept(message);
        } else {
            Platform.runLater(() -> show.accept(message));
        }
    }
}
