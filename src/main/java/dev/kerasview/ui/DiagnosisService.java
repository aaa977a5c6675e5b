package dev.kerasview.ui;

import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * Predicts in the background whether Keras loads a file whose tree is already shown, and
 * builds the rows again with the findings attached (the statuses that highlight failing layers).
 */
public final class DiagnosisService extends Service<DiagnosisService.Diagnosed> {

    private final ReadModel read;

    /**
     * The diagnosis with the rows it colours.
     *
     * @param model the diagnosed model
     * @param index its layers with the findings attached
     */
    public record Diagnosed(DiagnosedModel model, LayerIndex index) {
    }

    /** A service diagnosing {@code read}. */
    public DiagnosisService(ReadModel read) {
        this.read = read;
    }

    @Override
    protected Task<Diagnosed> createTask() {
        return new Task<>() {
            @Override
            protected Diagnosed call() {
                updateMessage("Checking whether Keras loads it …");
                DiagnosedModel m = read.diagnose();
                return new Diagnosed(m, new LayerIndex(m.model().root(), m.findings()));
            }
        };
    }
}
