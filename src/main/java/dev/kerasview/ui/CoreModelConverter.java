package dev.kerasview.ui;

/** Converts files through the core converter. */
final class CoreModelConverter implements ModelConverter {

    @Override
    public ConversionOutcome convert(ConversionRequest request, ConversionProgress progress) throws Exception {
        // wired to the convert package as soon as it is on main
        throw new UnsupportedOperationException("this build has no converter yet");
    }
}
