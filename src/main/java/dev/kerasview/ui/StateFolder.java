package dev.kerasview.ui;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/** kerasview's folder for state that outlives a run: {@code $XDG_STATE_HOME/kerasview}, default {@code ~/.local/state/kerasview}. */
final class StateFolder {

    private StateFolder() {
    }

    /** The folder for the given environment and home folder. */
    static Path of(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : home.resolve(".local").resolve("state");
        return base.resolve("kerasview");
    }

    /** The folder for this process's user. */
    static Path forCurrentUser() {
        return of(System.getenv(), Paths.get(System.getProperty("user.home")));
    }
}
