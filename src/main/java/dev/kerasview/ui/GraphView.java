package dev.kerasview.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/** The graph tab: a toolbar (fit, zoom, export) over the canvas, with progress while laying out. */
public final class GraphView extends BorderPane {

    private final GraphViewModel viewModel;
    private final GraphCanvas canvas;
    private final Label status = new Label();

    /** The view of {@code viewModel}. */
    public GraphView(GraphViewModel viewModel) {
        this.viewModel = viewModel;
        this.canvas = new GraphCanvas(viewModel);
        getStyleClass().add("graph-view");
        setId("graphView");

        Button fit = button("Fit", "graphFitButton", canvas::fit);
        Button out = button("−", "graphZoomOutButton", () -> canvas.zoom(0.8));
        Button in = button("+", "graphZoomInButton", () -> canvas.zoom(1.25));
        Button png = button("Export PNG…", "graphPngButton", () -> choose("PNG image", "png"));
        Button svg = button("Export SVG…", "graphSvgButton", () -> choose("SVG drawing", "svg"));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(16, 16);
        spinner.visibleProperty().bind(viewModel.busyProperty());
        spinner.managedProperty().bind(viewModel.busyProperty());
        status.getStyleClass().add("muted");
        status.setId("graphStatus");
        viewModel.busyProperty().addListener((obs, o, busy) -> showStatus());
        viewModel.messageProperty().addListener((obs, o, m) -> showStatus());
        viewModel.failureProperty().addListener((obs, o, f) -> showStatus());
        viewModel.sceneProperty().addListener((obs, o, s) -> showStatus());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(6, fit, out, in, spinner, status, gap, png, svg);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("graph-toolbar");
        for (Button b : new Button[] {fit, out, in, png, svg}) {
            b.disableProperty().bind(viewModel.sceneProperty().isNull());
        }

        MenuItem pngItem = new MenuItem("Export PNG…");
        pngItem.setOnAction(e -> choose("PNG image", "png"));
        MenuItem svgItem = new MenuItem("Export SVG…");
        svgItem.setOnAction(e -> choose("SVG drawing", "svg"));
        MenuItem fitItem = new MenuItem("Fit to View");
        fitItem.setOnAction(e -> canvas.fit());
        canvas.setOnContextMenuRequested(e -> new ContextMenu(fitItem, pngItem, svgItem)
                .show(canvas, e.getScreenX(), e.getScreenY()));

        setTop(bar);
        setCenter(canvas);
        showStatus();
    }

    /** Lays the graph out, the first time the tab is shown. */
    public void start() {
        viewModel.start();
    }

    private void showStatus() {
        String failure = viewModel.failureProperty().get();
        GraphScene s = viewModel.sceneProperty().get();
        status.setText(failure != null ? failure
                : viewModel.busyProperty().get() ? viewModel.messageProperty().get()
                : s != null && s.graph().nodes().isEmpty() ? "No layers to draw: the file records none (a weights-only file, or a subclassed model whose config leaves its layers out)."
                : "");
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void choose(String description, String suffix) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the graph as " + suffix.toUpperCase(Locale.ROOT));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description + " (*." + suffix + ")", "*." + suffix));
        chooser.setInitialFileName("graph." + suffix);
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            if ("png".equals(suffix)) {
                exportPng(f.toPath());
            } else {
                exportSvg(f.toPath());
            }
            status.setText("Exported " + f.getName());
        } catch (IOException | RuntimeException e) {
            status.setText("Could not export: " + ErrorMessages.describe(e));
        }
    }

    /** Writes the whole graph as a PNG image. */
    public void exportPng(Path file) throws IOException {
        GraphScene s = viewModel.sceneProperty().get();
        if (s != null) {
            GraphPng.write(s, viewModel, file);
        }
    }

    /** Writes the whole graph as an SVG drawing. */
    public void exportSvg(Path file) throws IOException {
        GraphScene s = viewModel.sceneProperty().get();
        if (s != null) {
            Files.writeString(file, GraphSvg.of(s, b -> viewModel.look(b.node())), StandardCharsets.UTF_8);
        }
    }
}
