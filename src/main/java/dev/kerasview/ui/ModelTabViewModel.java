package dev.kerasview.ui;

import dev.kerasview.convert.ConversionTarget;
import dev.kerasview.convert.UsefulTargets;
import dev.kerasview.formats.OpenModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One tab: a file being read, the model once read (tree, details, status bar, conversion),
 * or the reason it could not be read. The tree shows as soon as the file is read; the verdict
 * and findings follow when the diagnosis, which runs after, is done.
 */
public final class ModelTabViewModel {

    /** What the tab shows. */
    public enum State { LOADING, LOADED, FAILED }

    private final Path file;
    private final Path weights;
    private final ModelSource source;
    private final OpenModelService openService;
    private final ConversionViewModel conversion;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Checked> checked = new ReadOnlyObjectWrapper<>();
    private ReadModel read;
    private DiagnosisService diagnosisService;
    private boolean closed;

    /**
     * The parts of a read model.
     *
     * @param model     the opened file
     * @param tree      the layer tree
     * @param details   the details panel
     * @param statusBar the status bar
     * @param graph     the graph of the layers' connections (laid out when first shown)
     */
    public record Loaded(OpenModel model, LayerTreeViewModel tree, LayerDetailsViewModel details,
                         StatusBarViewModel statusBar, GraphViewModel graph) {
    }

    /**
     * The parts the diagnosis adds.
     *
     * @param verdict  the headline
     * @param findings the findings panel
     */
    public record Checked(Verdict verdict, FindingsViewModel findings) {
    }

    private final ReadOnlyObjectWrapper<List<ConversionTarget>> usefulTargets =
            new ReadOnlyObjectWrapper<>(List.of());

    /** The conversions that can help this file, most useful first (none until it is read). */
    public ReadOnlyObjectProperty<List<ConversionTarget>> usefulTargetsProperty() {
        return usefulTargets.getReadOnlyProperty();
    }

    /** A tab for {@code file} (with separate {@code weights}, or null); call {@link #load()} to read it. */
    public ModelTabViewModel(Path file, Path weights, ModelSource source, ModelConverter converter,
                             Consumer<Path> folderOpener) {
        this(file, weights, source, converter, folderOpener, OutputChooser.NONE);
    }

    /** As above, asking {@code outputChooser} where a conversion goes when not beside the file. */
    public ModelTabViewModel(Path file, Path weights, ModelSource source, ModelConverter converter,
                             Consumer<Path> folderOpener, OutputChooser outputChooser) {
        this.file = file;
        this.weights = weights;
        this.source = source;
        this.openService = new OpenModelService(source, file, weights);
        this.conversion = new ConversionViewModel(file, weights, converter, folderOpener, outputChooser,
                Path.of(System.getProperty("user.home")));
        openService.setOnSucceeded(e -> show(openService.getValue()));
        openService.setOnFailed(e -> {
            errorMessage.set(ErrorMessages.describe(openService.getException()));
            state.set(State.FAILED);
        });
    }

    /** Reads the file in the background, or shows it at once when a read started before the tab is done. */
    public void load() {
        errorMessage.set("");
        Optional<OpenModelService.Opened> done = source.takeIfDone(file, weights);
        if (done.isPresent()) {
            // no reading state to lay out and draw first: the tree is the tab's first frame
            show(done.get());
            return;
        }
        state.set(State.LOADING);
        openService.restart();
    }

    private void show(OpenModelService.Opened opened) {
        if (opened == null) {
            return;
        }
        if (closed) {
            opened.read().close();
            return;
        }
        read = opened.read();
        OpenModel m = read.open();
        LayerTreeViewModel tree = new LayerTreeViewModel(opened.index());
        LayerDetailsViewModel details = new LayerDetailsViewModel(tree, m.tensors());
        loaded.set(new Loaded(m, tree, details, StatusBarViewModel.of(m.model(), opened.index().root().parameters()),
                new GraphViewModel(m.model(), tree)));
        usefulTargets.set(UsefulTargets.of(m.model()));
        state.set(State.LOADED);
        // the diagnosis would compete for the processor with the first layout of the tree
        ReadModel r = read;
        AfterNextFrame.run(() -> {
            if (!closed) {
                diagnose(r, tree);
            }
        });
    }

    private void diagnose(ReadModel r, LayerTreeViewModel tree) {
        diagnosisService = new DiagnosisService(r);
        diagnosisService.setOnSucceeded(e -> {
            DiagnosisService.Diagnosed d = diagnosisService.getValue();
            tree.showStatuses(d.index());
            showVerdict(d.model(), tree);
            layOutGraph();
        });
        diagnosisService.setOnFailed(e -> {
            showVerdict(DiagnosedModel.diagnosisFailed(r.open(), diagnosisService.getException()), tree);
            layOutGraph();
        });
        diagnosisService.start();
    }

    /** The graph laid out ahead, after the diagnosis: it then competes with nothing the person waits for. */
    private void layOutGraph() {
        Loaded l = loaded.get();
        if (!closed && l != null) {
            AfterNextFrame.run(() -> l.graph().start());
        }
    }

    private void showVerdict(DiagnosedModel m, LayerTreeViewModel tree) {
        if (!closed) {
            checked.set(new Checked(Verdict.of(m.loads(), m.findings()), new FindingsViewModel(m.findings(), tree)));
            List<ConversionTarget> useful = UsefulTargets.of(m.open().model(), m.loads(), m.findings());
            if (!useful.equals(usefulTargets.get())) {
                // an equal list set again would rebuild the conversion buttons under the pointer
                usefulTargets.set(useful);
            }
        }
    }

    /** Releases the file; a read or diagnosis still running is abandoned, a conversion cancelled. */
    public void close() {
        closed = true;
        conversion.cancel();
        openService.cancel();
        if (diagnosisService != null) {
            diagnosisService.cancel();
        }
        if (read != null) {
            read.close();
        }
        if (loaded.get() != null) {
            loaded.get().graph().close();
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

    /** The verdict and findings once the diagnosis is done, else null (still checking). */
    public ReadOnlyObjectProperty<Checked> checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    /** The model's parts once loaded, else null. */
    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The diagnosis as Markdown for a bug report; empty until the diagnosis is done. */
    public String report() {
        Loaded l = loaded.get();
        Checked c = checked.get();
        if (l == null || c == null) {
            return "";
        }
        return DiagnosisReport.markdown(l.model().model(), c.verdict(), c.findings().findings());
    }

    /** One-click conversion of this tab's file. */
    public ConversionViewModel conversion() {
        return conversion;
    }
}
