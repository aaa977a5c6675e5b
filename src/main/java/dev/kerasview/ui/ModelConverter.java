package dev.kerasview.ui;

import dev.kerasview.convert.CancellationToken;
import dev.kerasview.convert.ConversionProgress;
import dev.kerasview.convert.ConversionRequest;

/** Converts a model file; the window's only way into the converter. */
@FunctionalInterface
public interface ModelConverter {

    /**
     * Converts and verifies, leaving nothing behind on failure or cancel.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     * @throws Exception with a readable message when the conversion is refused or fails
     */
    ConversionOutcome convert(ConversionRequest request, ConversionProgress progress, CancellationToken cancel)
            throws Exception;
}
