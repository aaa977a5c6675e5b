package dev.kerasview.diagnose;

import dev.kerasview.model.Finding;
import dev.kerasview.model.FileFormat;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on one file: would {@code keras.saving.load_model} (Keras 3.15.1, default
 * arguments, the file's own custom classes registered) accept it, and every finding.
 *
 * @param file         the file as the person named it
 * @param format       the input kind, or {@link FileFormat#UNKNOWN}
 * @param kerasVersion the Keras version that wrote it, or null
 * @param loads        true when no finding is an error
 * @param findings     errors first, then warnings, then information
 */
public record Diagnosis(String file, FileFormat format, String kerasVersion, boolean loads,
                        List<Finding> findings) {

    public Diagnosis {
        findings = List.copyOf(findings);
    }

    /** A diagnosis whose verdict follows from its findings. */
    static Diagnosis of(String file, FileFormat format, String kerasVersion,
                        List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::severity));
        boolean loads = sorted.stream().noneMatch(f -> f.severity() == Severity.ERROR);
        return new Diagnosis(file, format, kerasVersion, loads, sorted);
    }

    /**
     * A custom class or function the loading code must provide, with the layers that use it.
     *
     * @param name   the name the code registers it under (or its class name where the file has no other)
     * @param layers the layers that need it
     */
    public record Requirement(String name, List<String> layers) {
        public Requirement {
            layers = List.copyOf(layers);
        }
    }

    /** What the person's own code must register for Keras to load the file, in the order first needed. */
    public List<Requirement> requires() {
        return requires(findings);
    }

    /** What the person's own code must register, from a file's findings. */
    public static List<Requirement> requires(List<Finding> findings) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.code() == FindingCode.CUSTOM_OBJECT && f.className() != null) {
                List<String> layers = byName.computeIfAbsent(f.className(), k -> new ArrayList<>());
                if (f.layer() != null && !layers.contains(f.layer())) {
                    layers.add(f.layer());
                }
            }
        }
        List<Requirement> out = new ArrayList<>();
        byName.forEach((name, layers) -> out.add(new Requirement(name, layers)));
        return out;
    }

    /** The error findings. */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }
}
