package dev.kerasview.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished, verified conversion.
 *
 * @param files        the files written, the main one first
 * @param verification what the read-back check found, in one sentence
 * @param notes        what the conversion changed or left out, as the command line prints them
 */
public record ConversionOutcome(List<Path> files, String verification, List<String> notes) {

    public ConversionOutcome {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /** An outcome with nothing to note. */
    public ConversionOutcome(List<Path> files, String verification) {
        this(files, verification, List.of());
    }
}
