package dev.kerasview.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Keeps the window's geometry in a small properties file in the user's config folder. */
public final class WindowGeometryStore {

    private final Path file;

    /** A store in {@code file}. */
    public WindowGeometryStore(Path file) {
        this.file = file;
    }

    /** The store beside the recent files. */
    static WindowGeometryStore inUserConfig() {
        return new WindowGeometryStore(RecentFiles.configFolder().resolve("window.properties"));
    }

    /** The saved geometry, or null when none was saved or it cannot be read. */
    public WindowGeometry load() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return new WindowGeometry(number(p, "x"), number(p, "y"), number(p, "width"), number(p, "height"),
                    Boolean.parseBoolean(p.getProperty("maximized")),
                    new PaneLayout.Positions(fraction(p, "divider.tree"), fraction(p, "divider.findings"),
                            fraction(p, "divider.variables")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Saves {@code g}; failing to save only loses the geometry. */
    public void save(WindowGeometry g) {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(g.x()));
        p.setProperty("y", Double.toString(g.y()));
        p.setProperty("width", Double.toString(g.width()));
        p.setProperty("height", Double.toString(g.height()));
        p.setProperty("maximized", Boolean.toString(g.maximized()));
        p.setProperty("divider.tree", Double.toString(g.layout().tree()));
        p.setProperty("divider.findings", Double.toString(g.layout().findings()));
        p.setProperty("divider.variables", Double.toString(g.layout().variables()));
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "kerasview window");
            }
        } catch (IOException e) {
            // the next start opens at the default size
        }
    }

    private static double number(Properties p, String key) {
        double v = Double.parseDouble(p.getProperty(key));
        if (!Double.isFinite(v)) {
            throw new NumberFormatException(key);
        }
        return v;
    }

    private static double fraction(Properties p, String key) {
        double v = number(p, key);
        if (v < 0.05 || v > 0.95) {
            throw new NumberFormatException(key);
        }
        return v;
    }
}
