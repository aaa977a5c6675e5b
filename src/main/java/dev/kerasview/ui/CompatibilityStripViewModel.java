package dev.kerasview.ui;

import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.diagnose.CompatibilitySummary;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The line under the verdict saying which Keras versions load the file; empty until the check,
 * which starts after the tab's own diagnosis, is done.
 */
public final class CompatibilityStripViewModel {

    private final Path file;
    private final Path weights;
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper everyVersion = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<KerasRelease> convertTarget = new ReadOnlyObjectWrapper<>();
    private CompatibilityService service;

    /** The strip of {@code file} (with its separate weights, or null). */
    public CompatibilityStripViewModel(Path file, Path weights) {
        this.file = file;
        this.weights = weights;
    }

    /** Starts the check once; later calls do nothing. */
    public void start() {
        if (service != null) {
            return;
        }
        service = new CompatibilityService(file, weights);
        service.setOnSucceeded(e -> show(service.getValue()));
        // A failed check leaves the strip empty: the verdict above it stands on its own.
        service.start();
    }

    /**
     * Shows a finished check; a file no version loads keeps the strip empty, the verdict above
     * already says so.
     */
    void show(CompatibilitySummary s) {
        line.set(s.anyVersion() ? s.line() : "");
        everyVersion.set(s.everyVersion());
        convertTarget.set(s.convertTarget().flatMap(v -> new KerasVersionTable().resolve(v.toString()))
                .orElse(null));
    }

    /** Abandons a check still running. */
    public void cancel() {
        if (service != null) {
            service.cancel();
        }
    }

    /** The sentence, empty while checking. */
    public ReadOnlyStringProperty lineProperty() {
        return line.getReadOnlyProperty();
    }

    /** The older version a conversion could serve (the newest that fails), or null. */
    public ReadOnlyObjectProperty<KerasRelease> convertTargetProperty() {
        return convertTarget.getReadOnlyProperty();
    }

    /** True when every modelled version loads the file. */
    public ReadOnlyBooleanProperty everyVersionProperty() {
        return everyVersion.getReadOnlyProperty();
    }
}
