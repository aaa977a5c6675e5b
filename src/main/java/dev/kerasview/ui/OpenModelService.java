package dev.kerasview.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/** Reads one file and indexes its layers in the background so the window never freezes. */
public final class OpenModelService extends Service<OpenModelService.Opened> {

    private final ModelSource source;
    private final Path file;
    private final Path weights;

    /**
     * A read file with its layer rows, not yet diagnosed.
     *
     * @param read  the read file
     * @param index its layers, all without findings
     */
    public record Opened(ReadModel read, LayerIndex index) {

        /** {@code read} with its rows built now: thousands of layers take a while, so not on the FX thread. */
        public static Opened of(ReadModel read) {
            return new Opened(read, new LayerIndex(read.open().model().root(), List.of()));
        }
    }

    /** A service opening {@code file} (with {@code weights}, or null) through {@code source}. */
    public OpenModelService(ModelSource source, Path file, Path weights) {
        this.source = source;
        this.file = file;
        this.weights = weights;
    }

    @Override
    protected Task<Opened> createTask() {
        return new Task<>() {
            @Override
            protected Opened call() throws Exception {
                updateMessage("Reading " + file.getFileName() + " …");
                Opened opened = source.openIndexed(file, weights);
                if (isCancelled()) {
                    // the tab was closed while reading: nobody will take ownership of the file
                    opened.read().close();
                    return null;
                }
                return opened;
            }
        };
    }
}
