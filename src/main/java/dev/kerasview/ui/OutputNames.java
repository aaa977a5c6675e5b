package dev.kerasview.ui;

import dev.kerasview.convert.ConversionTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a conversion writes by default: beside the input (or in a folder chosen instead) with the
 * input's stem, never over an existing file (then {@code <stem>-converted}, {@code <stem>-converted-2}, …).
 */
public final class OutputNames {

    private OutputNames() {
    }

    /** The output path for converting {@code input} to {@code target}. */
    public static Path forTarget(Path input, ConversionTarget target) {
        return inFolder(input.toAbsolutePath().getParent(), input, target);
    }

    /** The output path for converting {@code input} to {@code target} in {@code dir}, never over a file. */
    public static Path inFolder(Path dir, Path input, ConversionTarget target) {
        Path abs = input.toAbsolutePath();
        String stem = stem(abs.getFileName().toString());
        for (int i = 0; ; i++) {
            String name = i == 0 ? stem : i == 1 ? stem + "-converted" : stem + "-converted-" + i;
            Path candidate = dir.resolve(name + suffix(target));
            boolean free = !Files.exists(candidate) && !candidate.equals(abs);
            if (target == ConversionTarget.JSON) {
                free &= !Files.exists(dir.resolve(name + "_weights.h5"));
            }
            if (free) {
                return candidate;
            }
        }
    }

    /** The output path for a {@code .keras} written for an older Keras: {@code <stem>-keras3.12.keras}. */
    public static Path forKerasVersion(Path input, String version) {
        Path abs = input.toAbsolutePath();
        String stem = stem(abs.getFileName().toString()) + "-keras" + version;
        for (int i = 0; ; i++) {
            Path candidate = abs.getParent().resolve((i == 0 ? stem : stem + "-" + (i + 1)) + ".keras");
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    /** The file suffix of {@code target}'s main output. */
    static String suffix(ConversionTarget target) {
        return switch (target) {
            case H5 -> ".h5";
            case JSON -> ".json";
            case KERAS -> ".keras";
        };
    }

    /** {@code vae.keras} → {@code vae}; {@code m.weights.h5} → {@code m}; a folder keeps its name. */
    static String stem(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".weights.h5")) {
            return fileName.substring(0, fileName.length() - ".weights.h5".length());
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
