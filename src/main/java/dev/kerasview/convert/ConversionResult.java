package dev.kerasview.convert;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished conversion.
 *
 * @param written      the files written, main file first
 * @param plan         how the weights were mapped
 * @param verification what reading the output back showed
 */
public record ConversionResult(List<Path> written, WeightPlan plan, VerificationReport verification) {

    public ConversionResult {
        written = List.copyOf(written);
    }
}
