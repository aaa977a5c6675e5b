package dev.kerasview.ui;

import dev.kerasview.convert.ConversionTarget;

/** The window's words for each conversion target: button and menu text, and the output form's short name. */
final class ConversionActions {

    private ConversionActions() {
    }

    /** Button and menu text for converting to {@code target}. */
    static String action(ConversionTarget target) {
        return switch (target) {
            case H5 -> "Convert to .h5";
            case JSON -> "Convert to JSON + weights";
            case KERAS -> "Convert to Keras 3 (.keras)";
        };
    }

    /** Short name of {@code target}'s output form. */
    static String description(ConversionTarget target) {
        return switch (target) {
            case H5 -> "legacy .h5";
            case JSON -> "JSON + weights";
            case KERAS -> "Keras 3 .keras";
        };
    }

    /** The menu accelerator converting to {@code target}. */
    static String accelerator(ConversionTarget target) {
        return switch (target) {
            case H5 -> "Shortcut+Shift+H";
            case JSON -> "Shortcut+Shift+J";
            case KERAS -> "Shortcut+Shift+K";
        };
    }
}
