package dev.kerasview.ui;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the window; called by {@code dev.kerasview.Main} for every start without a subcommand. */
public final class KerasviewApp {

    private KerasviewApp() {
    }

    /** Opens the window with the given files (none: the bundled sample) and returns when it closes. */
    public static void launchWindow(String[] files) {
        new RenderingPipeline(Path.of("/dev")).applyTo(System.getProperties(), System.getProperty("os.name", ""));
        ClassPathNotice.silence();
        Application.launch(KerasviewApplication.class, files);
    }
}
