package dev.kerasview.ui;

import dev.kerasview.convert.ConversionTarget;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/** The window: menus, one tab per open model, and a drop target covering everything. */
public final class MainWindowView extends BorderPane {

    private final MainWindowViewModel viewModel;
    private final LogFile log;
    private final TabPane tabPane = new TabPane();
    private final Map<ModelTabViewModel, Tab> tabs = new IdentityHashMap<>();
    private final Menu recentMenu = new Menu("Open Recent");
    private final ObservableValue<Window> windowOfScene;
    private boolean syncing;
    private boolean quitting;

    /** The view of {@code viewModel}, its Help › Show Log showing the user's log. */
    public MainWindowView(MainWindowViewModel viewModel) {
        this(viewModel, LogFile.forCurrentUser());
    }

    /** The view of {@code viewModel}; Help › Show Log shows {@code log}. */
    public MainWindowView(MainWindowViewModel viewModel, LogFile log) {
        this.viewModel = viewModel;
        this.log = log;
        getStyleClass().add("main-window");
        setTop(menuBar());

        tabPane.setId("modelTabs");
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        VBox empty = emptyState();
        StackPane center = new StackPane(empty, tabPane);
        tabPane.visibleProperty().bind(Bindings.isNotEmpty(tabPane.getTabs()));
        empty.visibleProperty().bind(tabPane.visibleProperty().not());
        setCenter(center);

        viewModel.tabs().addListener((ListChangeListener<ModelTabViewModel>) c -> syncTabs());
        viewModel.selectedTabProperty().addListener((obs, old, t) -> {
            Tab tab = t == null ? null : tabs.get(t);
            if (tab != null && !syncing) {
                tabPane.getSelectionModel().select(tab);
            }
        });
        tabPane.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (!syncing) {
                viewModel.selectedTabProperty().set(tab == null ? null : (ModelTabViewModel) tab.getUserData());
            }
        });
        viewModel.recentFiles().addListener((ListChangeListener<Path>) c -> updateRecentMenu());
        updateRecentMenu();
        // checked again each time the menu opens: a file may have gone since
        recentMenu.setOnShowing(e -> updateRecentMenu());
        syncTabs();

        // filters, not handlers: a drop lands on whatever child is under the mouse (a text area
        // would otherwise swallow it), and files are welcome anywhere on the window
        addEventFilter(DragEvent.DRAG_OVER, this::dragOver);
        addEventFilter(DragEvent.DRAG_EXITED, e -> getStyleClass().remove("drop-target"));
        addEventFilter(DragEvent.DRAG_DROPPED, this::dropped);

        windowOfScene = sceneProperty().flatMap(Scene::windowProperty);
        windowOfScene.addListener((obs, old, w) -> guardClosing(w));
        guardClosing(windowOfScene.getValue());
    }

    private void syncTabs() {
        syncing = true;
        try {
            for (ModelTabViewModel t : List.copyOf(tabs.keySet())) {
                if (!viewModel.tabs().contains(t)) {
                    tabPane.getTabs().remove(tabs.remove(t));
                }
            }
            for (ModelTabViewModel t : viewModel.tabs()) {
                tabs.computeIfAbsent(t, this::newTab);
            }
            ModelTabViewModel selected = viewModel.selectedTabProperty().get();
            if (selected != null && tabs.containsKey(selected)) {
                tabPane.getSelectionModel().select(tabs.get(selected));
            }
        } finally {
            syncing = false;
        }
    }

    private Tab newTab(ModelTabViewModel t) {
        Tab tab = new Tab(t.title(), new ModelTabView(t, viewModel.layout()));
        tab.setUserData(t);
        tab.setTooltip(new Tooltip(t.file().toString()));
        tab.setOnCloseRequest(e -> {
            e.consume();
            requestClose(t);
        });
        t.checkedProperty().addListener((obs, old, checked) -> {
            if (checked != null) {
                tab.setGraphic(StatusIcon.forVerdict(checked.verdict()));
            }
        });
        t.stateProperty().addListener((obs, old, s) -> {
            if (s == ModelTabViewModel.State.FAILED) {
                tab.setGraphic(StatusIcon.warning(false));
            }
        });
        tabPane.getTabs().add(tab);
        return tab;
    }

    private VBox emptyState() {
        Label title = new Label("Drop a Keras model here");
        title.getStyleClass().add("empty-title");
        Label hint = new Label(".keras, .h5, .hdf5, model.json + weights, or an unzipped .keras folder — or use File › Open (Ctrl+O)");
        hint.getStyleClass().add("muted");
        VBox box = new VBox(8, title, hint);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open…", "Shortcut+O", this::chooseFiles);
        open.setId("openMenuItem");
        MenuItem openFolder = item("Open Unzipped .keras Folder…", null, this::chooseFolder);
        MenuItem close = item("Close Tab", "Shortcut+W", () -> requestClose(viewModel.selectedTabProperty().get()));
        close.setId("closeTabMenuItem");
        MenuItem exit = item("Exit", "Shortcut+Q", this::requestQuit);
        Menu file = new Menu("File", null, open, openFolder, recentMenu, new SeparatorMenuItem(), close,
                new SeparatorMenuItem(), exit);

        MenuItem copyReport = item("Copy Report", "Shortcut+Shift+C", this::copyReport);
        copyReport.setId("copyReportMenuItem");
        Menu edit = new Menu("Edit", null, copyReport);

        MenuItem find = item("Find Layer", "Shortcut+F", this::focusSearch);
        Menu view = new Menu("View", null, find);

        Menu convert = new Menu("Convert");
        for (ConversionTarget target : ConversionTarget.values()) {
            MenuItem m = item(ConversionActions.action(target), ConversionActions.accelerator(target),
                    () -> viewModel.convertSelected(target));
            m.setId("convert" + target + "MenuItem");
            convert.getItems().add(m);
        }
        MenuItem convertAs = item("Convert As…", "Shortcut+Shift+S", viewModel::convertSelectedAs);
        convertAs.setId("convertAsMenuItem");
        convert.getItems().addAll(new SeparatorMenuItem(), convertAs);

        MenuItem about = item("About kerasview", null, () -> HelpDialogs.about(window()));
        about.setId("aboutMenuItem");
        MenuItem showLog = item("Show Log", null, () -> HelpDialogs.log(window(), log));
        showLog.setId("showLogMenuItem");
        Menu help = new Menu("Help", null, showLog, new SeparatorMenuItem(), about);

        MenuBar bar = new MenuBar(file, edit, view, convert, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** Closes {@code tab}; a conversion running in it is cancelled first, if the person agrees. */
    private void requestClose(ModelTabViewModel tab) {
        if (tab == null) {
            return;
        }
        if (!tab.conversion().busyProperty().get()) {
            viewModel.close(tab);
        } else {
            Confirmation.ask(window(), "A conversion is running. Cancel it and close the tab?",
                    "Cancel conversion and close", "Keep converting", () -> viewModel.cancelAndClose(tab));
        }
    }

    /** Closes the window; running conversions are cancelled and cleaned up first, if the person agrees. */
    private void requestQuit() {
        Window w = window();
        if (w == null || quitting) {
            return;
        }
        if (viewModel.converting()) {
            Confirmation.ask(w, "A conversion is running. Cancel it and quit?", "Cancel conversion and quit",
                    "Keep converting", () -> quit(w));
        } else {
            quit(w);
        }
    }

    private void quit(Window w) {
        quitting = true;
        viewModel.cancelConversionsThen(w::hide);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void guardClosing(Window w) {
        if (w != null) {
            // the window manager's close button and Alt+F4 take the same path as File > Exit
            w.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
                e.consume();
                requestQuit();
            });
        }
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void updateRecentMenu() {
        recentMenu.getItems().clear();
        for (MainWindowViewModel.RecentEntry entry : viewModel.recentEntries()) {
            Path p = entry.file();
            MenuItem m = new MenuItem(p.getFileName() + "   —   " + (p.getParent() == null ? "" : p.getParent())
                    + (entry.exists() ? "" : "   (no longer there)"));
            m.setMnemonicParsing(false);
            m.setDisable(!entry.exists());
            m.setOnAction(e -> viewModel.open(List.of(p)));
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void copyReport() {
        ModelTabViewModel t = viewModel.selectedTabProperty().get();
        String report = t == null ? "" : t.report();
        if (!report.isEmpty()) {
            Clipboards.copy(report);
        }
    }

    private void focusSearch() {
        Tab tab = tabPane.getSelectionModel().getSelectedItem();
        if (tab != null && tab.getContent() instanceof ModelTabView v) {
            v.focusSearch();
        }
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open Keras model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Keras models (*.keras, *.h5, *.hdf5, *.json)", "*.keras", "*.h5", "*.hdf5", "*.json"),
                new FileChooser.ExtensionFilter("Keras 3 archives (*.keras)", "*.keras"),
                new FileChooser.ExtensionFilter("HDF5 models and weights (*.h5, *.hdf5)", "*.h5", "*.hdf5"),
                new FileChooser.ExtensionFilter("JSON architectures (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        initialDirectory().ifPresent(chooser::setInitialDirectory);
        List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            viewModel.open(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open unzipped .keras folder");
        initialDirectory().ifPresent(chooser::setInitialDirectory);
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            viewModel.open(List.of(dir.toPath()));
        }
    }

    private Optional<File> initialDirectory() {
        return viewModel.recentFiles().stream().map(Path::getParent)
                .filter(p -> p != null && Files.isDirectory(p)).findFirst().map(Path::toFile);
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            if (!getStyleClass().contains("drop-target")) {
                getStyleClass().add("drop-target");
            }
            e.consume();
        }
    }

    private void dropped(DragEvent e) {
        getStyleClass().remove("drop-target");
        if (!e.getDragboard().hasFiles()) {
            return;
        }
        List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
        viewModel.open(files);
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }
}
