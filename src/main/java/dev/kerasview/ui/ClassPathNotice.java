package dev.kerasview.ui;

import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Keeps JavaFX's "Unsupported JavaFX configuration" warning off the terminal. JavaFX prints it
 * on every start from the class path, which is how kerasview runs (jpackage and {@code java
 * -jar} alike, tested that way); to a person who started kerasview from a shell it reads like a
 * fault that is not there. Every other JavaFX message still gets through.
 */
final class ClassPathNotice {

    /** The message's start, as JavaFX 21 words it (PlatformImpl.startup). */
    static final String MESSAGE = "Unsupported JavaFX configuration: classes were loaded from ";

    // JUL holds loggers weakly: this reference keeps the filter attached until JavaFX logs
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private ClassPathNotice() {
    }

    /** Drops that one warning from JavaFX's own logger (its children are left alone). */
    static void silence() {
        Filter earlier = JAVAFX.getFilter();
        JAVAFX.setFilter(r -> !(r.getMessage() != null && r.getMessage().startsWith(MESSAGE))
                && (earlier == null || earlier.isLoggable(r)));
    }
}
