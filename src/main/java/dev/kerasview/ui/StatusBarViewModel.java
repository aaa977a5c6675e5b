package dev.kerasview.ui;

import dev.kerasview.model.ModelFile;

/**
 * The facts of the status bar.
 *
 * @param format       the input kind in words
 * @param kerasVersion "Keras 3.4.1", or "Keras version unknown"
 * @param dateSaved    "saved 2024-…", or empty
 * @param parameters   "1,234 parameters"
 * @param fileSize     "177.9 KB"
 */
public record StatusBarViewModel(String format, String kerasVersion, String dateSaved, String parameters,
                                 String fileSize) {

    /** The status bar of {@code model} with its {@code parameters} (optimizer state excluded). */
    public static StatusBarViewModel of(ModelFile model, long parameters) {
        String version = model.kerasVersion() == null ? "Keras version unknown" : "Keras " + model.kerasVersion();
        if (model.backend() != null) {
            version += " (" + model.backend() + ")";
        }
        return new StatusBarViewModel(
                model.format().description(),
                version,
                model.dateSaved() == null ? "" : "saved " + model.dateSaved(),
                DisplayFormat.count(parameters) + " parameters",
                DisplayFormat.bytes(model.fileSize()));
    }
}
