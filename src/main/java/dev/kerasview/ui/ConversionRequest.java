package dev.kerasview.ui;

import java.nio.file.Path;

/**
 * What to convert, and where.
 *
 * @param input        the opened file
 * @param weights      its separate weights file, or null
 * @param target       the output form
 * @param output       the .h5 file, or the .json file (its weights go beside it)
 * @param allowMissing write even when some layers' weights are absent (the person confirmed)
 */
public record ConversionRequest(Path input, Path weights, ConversionTarget target, Path output,
                                boolean allowMissing) {
}
