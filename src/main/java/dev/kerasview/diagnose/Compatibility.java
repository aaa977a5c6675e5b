package dev.kerasview.diagnose;

import dev.kerasview.catalog.KerasVersion;
import java.util.List;

/**
 * The verdict on one file for each modelled Keras version, oldest first.
 *
 * @param file     the file as the person named it
 * @param versions one verdict per version
 */
public record Compatibility(String file, List<VersionVerdict> versions) {

    public Compatibility {
        versions = List.copyOf(versions);
    }

    /**
     * What one Keras version does with the file.
     *
     * @param keras     the version
     * @param diagnosis its verdict and findings, as {@code diagnose --keras} gives them
     */
    public record VersionVerdict(KerasVersion keras, Diagnosis diagnosis) {
    }
}
