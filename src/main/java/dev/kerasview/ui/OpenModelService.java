package dev.kerasview.ui;

import java.nio.file.Path;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/** Reads and diagnoses one file in the background so the window never freezes. */
public final class OpenModelService extends Service<LoadedModel> {

    private final ModelSource source;
    private final Path file;
    private final Path weights;

    /** A service opening {@code file} (with {@code weights}, or null) through {@code source}. */
    public OpenModelService(ModelSource source, Path file, Path weights) {
        this.source = source;
        this.file = file;
        this.weights = weights;
    }

    @Override
    protected Task<LoadedModel> createTask() {
        return new Task<>() {
            @Override
            protected LoadedModel call() throws Exception {
                updateMessage("Reading " + file.getFileName() + " …");
                LoadedModel loaded = source.open(file, weights);
                if (isCancelled()) {
                    // the tab was closed while reading: nobody will take ownership of the file
                    loaded.close();
                }
                return loaded;
            }
        };
    }
}
