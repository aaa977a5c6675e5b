package dev.kerasview.ui;

import javafx.application.Application;

/** Starts the window; called by {@code dev.kerasview.Main} for every start without a subcommand. */
public final class KerasviewApp {

    private KerasviewApp() {
    }

    /** Opens the window with the given files (none: the bundled sample) and returns when it closes. */
    public static void launchWindow(String[] files) {
        Application.launch(KerasviewApplication.class, files);
    }
}
