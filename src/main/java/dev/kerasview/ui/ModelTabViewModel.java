package dev.kerasview.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One tab: a file being read, the model once read (tree, findings, details, status bar,
 * conversion), or the reason it could not be read.
 */
public final class ModelTabViewModel {

    /** What the tab shows. */
    public enum State { LOADING, LOADED, FAILED }

    private final Path file;
    private final Path weights;
    private final OpenModelService openService;
    private final ConversionViewModel conversion;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>();
    private boolean closed;

    /**
     * The parts of a read model.
     *
     * @param model     the opened file
     * @param verdict   the headline
     * @param tree      the layer tree
     * @param findings  the findings panel
     * @param details   the details panel
     * @param statusBar the status bar
     */
    public record Loaded(LoadedModel model, Verdict verdict, LayerTreeViewModel tree, FindingsViewModel findings,
                         LayerDetailsViewModel details, StatusBarViewModel statusBar) {
    }

    /** A tab for {@code file} (with separate {@code weights}, or null); call {@link #load()} to read it. */
    public ModelTabViewModel(Path file, Path weights, ModelSource source, ModelConverter converter,
                             Consumer<Path> folderOpener) {
        this.file = file;
        this.weights = weights;
        this.openService = new OpenModelService(source, file, weights);
        this.conversion = new ConversionViewModel(file, weights, converter, folderOpener);
        openService.setOnSucceeded(e -> show(openService.getValue()));
        openService.setOnFailed(e -> {
            errorMessage.set(ErrorMessages.describe(openService.getException()));
            state.set(State.FAILED);
        });
    }

    /** Reads the file in the background. */
    public void load() {
        state.set(State.LOADING);
        errorMessage.set("");
        openService.restart();
    }

    private void show(LoadedModel m) {
        if (closed) {
            m.close();
            return;
        }
        LayerIndex index = new LayerIndex(m.model().root(), m.findings());
        LayerTreeViewModel tree = new LayerTreeViewModel(index);
        FindingsViewModel findings = new FindingsViewModel(m.findings(), tree);
        LayerDetailsViewModel details = new LayerDetailsViewModel(tree, m.open().tensors());
        loaded.set(new Loaded(m, Verdict.of(m.loads(), m.findings()), tree, findings, details,
                StatusBarViewModel.of(m.model(), index.root().parameters())));
        state.set(State.LOADED);
    }

    /** Releases the file; a read still running is abandoned. */
    public void close() {
        closed = true;
        openService.cancel();
        Loaded l = loaded.get();
        if (l != null) {
            l.model().close();
        }
    }

    /** The file this tab shows. */
    public Path file() {
        return file;
    }

    /** Its separate weights file, or null. */
    public Path weights() {
        return weights;
    }

    /** The tab's title. */
    public String title() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** Loading, loaded or failed. */
    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the file could not be read (empty unless FAILED). */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** What the background read is doing. */
    public ReadOnlyStringProperty loadingMessageProperty() {
        return openService.messageProperty();
    }

    /** The model's parts once loaded, else null. */
    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** One-click conversion of this tab's file. */
    public ConversionViewModel conversion() {
        return conversion;
    }
}
