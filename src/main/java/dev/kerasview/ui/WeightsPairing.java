package dev.kerasview.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the weights files that may belong to an architecture-only {@code model.json}: the
 * names Keras's own saving functions and common tutorials give them, beside the JSON.
 */
public final class WeightsPairing {

    private WeightsPairing() {
    }

    /** True for an architecture JSON (not a sharded weights index). */
    public static boolean needsWeights(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") && !name.endsWith(".weights.json") && Files.isRegularFile(file);
    }

    /** Existing candidate weights files beside {@code json}, the most likely first. */
    public static List<Path> candidates(Path json) {
        Path dir = json.toAbsolutePath().getParent();
        String stem = OutputNames.stem(json.getFileName().toString());
        List<Path> out = new ArrayList<>();
        for (String name : List.of(stem + ".weights.h5", stem + "_weights.h5", stem + ".weights.json",
                stem + ".h5", stem + ".hdf5", "model.weights.h5", "weights.h5")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p) && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
