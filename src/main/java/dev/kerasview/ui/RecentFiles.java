package dev.kerasview.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The recently opened files, most recent first, kept in a small text file in the user's config folder. */
public final class RecentFiles {

    private static final int MAX = 10;

    private final Path store;

    /** Recent files kept in {@code store} (one absolute path a line). */
    public RecentFiles(Path store) {
        this.store = store;
    }

    /** The store in the user's config folder ({@code $XDG_CONFIG_HOME}, {@code %APPDATA%} or {@code ~/.config}). */
    public static RecentFiles inUserConfig() {
        return new RecentFiles(configFolder().resolve("recent-files.txt"));
    }

    /** kerasview's folder in the user's config folder ({@code $XDG_CONFIG_HOME}, {@code %APPDATA%} or {@code ~/.config}). */
    static Path configFolder() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        String appData = System.getenv("APPDATA");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg)
                : appData != null && !appData.isBlank() ? Paths.get(appData)
                : Paths.get(System.getProperty("user.home"), ".config");
        return base.resolve("kerasview");
    }

    /** The files, most recent first; an unreadable store counts as empty. */
    public List<Path> list() {
        try {
            if (!Files.isRegularFile(store)) {
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && out.size() < MAX) {
                    out.add(Paths.get(line.strip()));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts {@code file} first and returns the new list; failing to save only loses the history. */
    public List<Path> add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(list());
        files.remove(abs);
        files.add(0, abs);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
        try {
            Files.createDirectories(store.getParent());
            List<String> lines = files.stream().map(Path::toString).toList();
            Path tmp = store.resolveSibling(store.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // the history is a convenience; a read-only config folder must not stop opening files
        }
        return List.copyOf(files);
    }
}
