package dev.kerasview.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished, verified conversion.
 *
 * @param files        the files written, the main one first
 * @param verification what the read-back check found, in one sentence
 */
public record ConversionOutcome(List<Path> files, String verification) {

    public ConversionOutcome {
        files = List.copyOf(files);
    }
}
