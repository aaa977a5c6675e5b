package dev.kerasview.convert;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished conversion.
 *
 * @param written      the files written, main file first
 * @param plan         how the weights were mapped
 * @param verification what reading the output back showed
 * @param notes        plain statements about choices made (repairs, parts left out)
 */
public record ConversionResult(List<Path> written, WeightPlan plan, VerificationReport verification,
                               List<String> notes) {

    public ConversionResult {
        written = List.copyOf(written);
        notes = List.copyOf(notes);
    }
}
