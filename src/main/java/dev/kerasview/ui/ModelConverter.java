package dev.kerasview.ui;

/** Converts a model file; the window's only way into the converter. */
@FunctionalInterface
public interface ModelConverter {

    /**
     * Converts and verifies, leaving nothing behind on failure or cancel.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     * @throws Exception with a readable message when the conversion is refused or fails
     */
    ConversionOutcome convert(ConversionRequest request, ConversionProgress progress) throws Exception;
}
