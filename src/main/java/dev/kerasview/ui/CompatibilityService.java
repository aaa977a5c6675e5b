package dev.kerasview.ui;

import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.diagnose.CompatibilityChecker;
import dev.kerasview.diagnose.CompatibilitySummary;
import java.nio.file.Path;
import java.time.Duration;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/** Replays, in the background, each modelled Keras version's load of one file. */
public final class CompatibilityService extends Service<CompatibilitySummary> {

    /** How long each version's reading of the file may take, as for {@code compat}. */
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private final Path file;
    private final Path weights;

    /** A service checking {@code file} (with its separate weights, or null). */
    public CompatibilityService(Path file, Path weights) {
        this.file = file;
        this.weights = weights;
    }

    @Override
    protected Task<CompatibilitySummary> createTask() {
        return new Task<>() {
            @Override
            protected CompatibilitySummary call() {
                return CompatibilitySummary.of(new CompatibilityChecker(new KerasVersionTable())
                        .check(file, weights, LIMIT));
            }
        };
    }
}
