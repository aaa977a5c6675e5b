package dev.kerasview.ui;

import dev.kerasview.convert.ConversionTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The window: its open tabs, the selected one, and the recent files. */
public final class MainWindowViewModel {

    private final ModelSource source;
    private final ModelConverter converter;
    private final RecentFiles recentFiles;
    private final WeightsChooser weightsChooser;
    private final Consumer<Path> folderOpener;
    private final OutputChooser outputChooser;
    private final ObservableList<ModelTabViewModel> tabs = FXCollections.observableArrayList();
    private final ObservableList<ModelTabViewModel> tabsView = FXCollections.unmodifiableObservableList(tabs);
    private final ObjectProperty<ModelTabViewModel> selectedTab = new SimpleObjectProperty<>();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final PaneLayout layout = new PaneLayout(PaneLayout.Positions.DEFAULT);
    private final ObservableValue<String> title = selectedTab.map(t -> t.title() + " — kerasview").orElse("kerasview");

    /** A window reading through {@code source} and converting through {@code converter}. */
    public MainWindowViewModel(ModelSource source, ModelConverter converter, RecentFiles recentFiles,
                               WeightsChooser weightsChooser, Consumer<Path> folderOpener) {
        this(source, converter, recentFiles, weightsChooser, folderOpener, OutputChooser.NONE);
    }

    /** As above, asking {@code outputChooser} where conversions go when not beside their input. */
    public MainWindowViewModel(ModelSource source, ModelConverter converter, RecentFiles recentFiles,
                               WeightsChooser weightsChooser, Consumer<Path> folderOpener,
                               OutputChooser outputChooser) {
        this.outputChooser = outputChooser;
        this.source = source;
        this.converter = converter;
        this.recentFiles = recentFiles;
        this.weightsChooser = weightsChooser;
        this.folderOpener = folderOpener;
        recent.setAll(recentFiles.list());
    }

    /** Opens each file (or unzipped .keras folder) in its own tab; one already open is selected. */
    public void open(List<Path> files) {
        for (Path f : files) {
            openOne(f.toAbsolutePath().normalize());
        }
    }

    private void openOne(Path file) {
        for (ModelTabViewModel t : tabs) {
            if (t.file().equals(file)) {
                selectedTab.set(t);
                return;
            }
        }
        Path weights = null;
        if (WeightsPairing.needsWeights(file)) {
            List<Path> candidates = WeightsPairing.candidates(file);
            weights = candidates.size() == 1 ? candidates.get(0)
                    : weightsChooser.choose(file, candidates).orElse(null);
        }
        ModelTabViewModel tab = new ModelTabViewModel(file, weights, source, converter, folderOpener, outputChooser);
        tab.conversion().openOutputWith(out -> open(List.of(out)));
        // loaded before it is shown: a file already read gets its view built once, not twice
        tab.load();
        tabs.add(tab);
        selectedTab.set(tab);
        recent.setAll(recentFiles.add(file));
    }

    /** Closes {@code tab} and releases its file. */
    public void close(ModelTabViewModel tab) {
        if (tab == null) {
            return;
        }
        int i = tabs.indexOf(tab);
        tabs.remove(tab);
        tab.close();
        if (selectedTab.get() == tab) {
            selectedTab.set(tabs.isEmpty() ? null : tabs.get(Math.min(i, tabs.size() - 1)));
        }
    }

    /** True while any tab converts. */
    public boolean converting() {
        return tabs.stream().anyMatch(t -> t.conversion().busyProperty().get());
    }

    /** Cancels {@code tab}'s conversion and closes the tab once the converter has cleaned up. */
    public void cancelAndClose(ModelTabViewModel tab) {
        tab.conversion().cancelThen(() -> close(tab));
    }

    /** Cancels every conversion and runs {@code then} once all converters have cleaned up. */
    public void cancelConversionsThen(Runnable then) {
        List<ModelTabViewModel> busy = tabs.stream().filter(t -> t.conversion().busyProperty().get()).toList();
        if (busy.isEmpty()) {
            then.run();
            return;
        }
        int[] left = {busy.size()};
        for (ModelTabViewModel t : busy) {
            t.conversion().cancelThen(() -> {
                if (--left[0] == 0) {
                    then.run();
                }
            });
        }
    }

    /** Converts the selected tab's file. */
    public void convertSelected(ConversionTarget target) {
        ModelTabViewModel t = selectedTab.get();
        if (t != null && t.stateProperty().get() == ModelTabViewModel.State.LOADED) {
            t.conversion().convert(target);
        }
    }

    /** Asks where to save the selected tab's file converted, offering the forms that help it. */
    public void convertSelectedAs() {
        ModelTabViewModel t = selectedTab.get();
        if (t != null && t.stateProperty().get() == ModelTabViewModel.State.LOADED) {
            t.conversion().convertAs(t.usefulTargetsProperty().get());
        }
    }

    /** Closes every tab (the window is closing). */
    public void closeAll() {
        for (ModelTabViewModel t : List.copyOf(tabs)) {
            close(t);
        }
    }

    /** The open tabs, in order. */
    public ObservableList<ModelTabViewModel> tabs() {
        return tabsView;
    }

    /** The tab in front. */
    public ObjectProperty<ModelTabViewModel> selectedTabProperty() {
        return selectedTab;
    }

    /** The window's title: the file in front, then the application. */
    public ObservableValue<String> titleProperty() {
        return title;
    }

    /**
     * A recent file and whether it is still there.
     *
     * @param file   the file
     * @param exists false when it was moved or deleted since
     */
    public record RecentEntry(Path file, boolean exists) {
    }

    /** The recent files as the menu shows them, each checked on disk now. */
    public List<RecentEntry> recentEntries() {
        return recent.stream().map(p -> new RecentEntry(p, Files.exists(p))).toList();
    }

    /** The divider positions every tab shares. */
    public PaneLayout layout() {
        return layout;
    }

    /** Recently opened files, most recent first. */
    public ObservableList<Path> recentFiles() {
        return recent;
    }
}
