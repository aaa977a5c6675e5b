package dev.kerasview.ui;

/** Placeholder for the JavaFX application; replaced by its owner. */
public final class KerasviewApp {
    private KerasviewApp() {
    }

    /** Opens the window with the given files (none: the bundled sample). */
    public static void launchWindow(String[] files) {
        throw new UnsupportedOperationException("window not implemented yet");
    }
}
