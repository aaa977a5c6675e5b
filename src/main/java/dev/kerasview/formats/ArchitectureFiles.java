package dev.kerasview.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files beside a weights-only file that may hold its architecture: the names Keras's saving
 * functions and common tutorials give a model saved together with {@code X.weights.h5} or
 * {@code X_weights.h5}.
 */
public final class ArchitectureFiles {

    private ArchitectureFiles() {
    }

    /** Existing candidates beside {@code weights}, the most likely first; never {@code weights} itself. */
    public static List<Path> besides(Path weights) {
        Path abs = weights.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null) {
            return List.of();
        }
        String stem = stem(abs.getFileName().toString());
        List<Path> out = new ArrayList<>();
        for (String name : List.of(stem + ".json", stem + ".keras", stem + ".h5", stem + ".hdf5",
                "model.json", "model.keras", "config.json")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p) && !p.equals(abs) && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** {@code vae.weights.h5} and {@code vae_weights.h5} → {@code vae}; another name loses its suffix. */
    static String stem(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".weights.h5", "_weights.h5", ".weights.hdf5", "_weights.hdf5")) {
            if (lower.endsWith(suffix)) {
                return fileName.substring(0, fileName.length() - suffix.length());
            }
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
