package dev.kerasview.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;

/** Starts the window; called by {@code dev.kerasview.Main} for every start without a subcommand. */
public final class KerasviewApp {

    private KerasviewApp() {
    }

    /**
     * Why no window can open here, as one line for the terminal (a Linux session without
     * {@code DISPLAY} or {@code WAYLAND_DISPLAY}, as over ssh); empty when one can.
     */
    public static Optional<String> missingDisplay() {
        return missingDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"));
    }

    static Optional<String> missingDisplay(Map<String, String> env, String osName, String glassPlatform) {
        boolean linux = osName.toLowerCase(Locale.ROOT).contains("linux");
        if (!linux || "Monocle".equals(glassPlatform) || set(env, "DISPLAY") || set(env, "WAYLAND_DISPLAY")) {
            return Optional.empty();
        }
        return Optional.of("kerasview: no display to open the window on; use 'kerasview inspect FILE' or "
                + "'kerasview diagnose FILE', or set DISPLAY");
    }

    private static boolean set(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    /** Opens the window with the given files (none: the bundled sample) and returns when it closes. */
    public static void launchWindow(String[] files) {
        new RenderingPipeline(Path.of("/dev")).applyTo(System.getProperties(), System.getProperty("os.name", ""));
        ClassPathNotice.silence();
        Application.launch(KerasviewApplication.class, files);
    }
}
