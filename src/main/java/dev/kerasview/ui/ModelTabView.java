package dev.kerasview.ui;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One tab's content: a spinner while reading, the model once read, or the reason it could not be read. */
public final class ModelTabView extends StackPane {

    private final ModelTabViewModel viewModel;
    private LayerTreeView treeView;

    /** The view of {@code viewModel}. */
    public ModelTabView(ModelTabViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("model-tab-view");
        viewModel.stateProperty().addListener((obs, old, s) -> show());
        show();
    }

    /** Puts the cursor in the layer search field, when the model is shown. */
    public void focusSearch() {
        if (treeView != null) {
            treeView.focusSearch();
        }
    }

    private void show() {
        treeView = null;
        Node content = switch (viewModel.stateProperty().get()) {
            case LOADING -> loading();
            case FAILED -> failed();
            case LOADED -> loaded(viewModel.loadedProperty().get());
        };
        getChildren().setAll(content);
    }

    private Node loading() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("loadingIndicator");
        Label label = new Label();
        label.textProperty().bind(viewModel.loadingMessageProperty());
        label.getStyleClass().add("muted");
        VBox box = new VBox(14, spinner, label);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node failed() {
        Label title = new Label("kerasview cannot read this file");
        title.getStyleClass().add("error-title");
        title.setGraphic(StatusIcon.error(false));
        Label message = new Label(viewModel.errorMessageProperty().get());
        message.setId("tabErrorMessage");
        message.setWrapText(true);
        message.getStyleClass().add("error-message");
        message.setMaxWidth(640);
        Label path = new Label(viewModel.file().toString());
        path.getStyleClass().add("muted");
        Button retry = new Button("Try again");
        retry.setOnAction(e -> viewModel.load());
        VBox box = new VBox(12, title, message, path, retry);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("error-pane");
        return box;
    }

    private Node loaded(ModelTabViewModel.Loaded m) {
        treeView = new LayerTreeView(m.tree());
        LayerDetailsView details = new LayerDetailsView(m.details());
        FindingsView findings = new FindingsView(m.findings(), viewModel.conversion());

        SplitPane right = new SplitPane(findings, details);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.6);
        SplitPane main = new SplitPane(treeView, right);
        main.setDividerPositions(0.54);
        main.getStyleClass().add("main-split");

        BorderPane pane = new BorderPane(main);
        pane.setTop(new VBox(header(m), new ConversionView(viewModel.conversion())));
        pane.setBottom(new StatusBarView(m.statusBar()));
        return pane;
    }

    private Node header(ModelTabViewModel.Loaded m) {
        Verdict v = m.verdict();
        Label headline = new Label(v.headline());
        headline.setId("verdictLabel");
        headline.getStyleClass().addAll("verdict", v.loads() ? "verdict-loads" : "verdict-fails");
        headline.setGraphic(v.loads() ? StatusIcon.ok() : StatusIcon.error(false));
        Label detail = new Label(v.detail());
        detail.getStyleClass().add("verdict-detail");
        Label file = new Label(viewModel.file().toString()
                + (viewModel.weights() == null ? "" : "  +  " + viewModel.weights().getFileName()));
        file.getStyleClass().add("muted");
        VBox text = new VBox(2, new HBox(10, headline, detail), file);
        ((HBox) text.getChildren().get(0)).setAlignment(Pos.BASELINE_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);

        Button toH5 = new Button(ConversionTarget.H5.action());
        toH5.setId("convertH5Button");
        toH5.getStyleClass().add("accent");
        toH5.setOnAction(e -> viewModel.conversion().convert(ConversionTarget.H5));
        Button toJson = new Button(ConversionTarget.JSON.action());
        toJson.setId("convertJsonButton");
        toJson.setOnAction(e -> viewModel.conversion().convert(ConversionTarget.JSON));
        toH5.disableProperty().bind(viewModel.conversion().busyProperty());
        toJson.disableProperty().bind(viewModel.conversion().busyProperty());

        HBox header = new HBox(12, text, toH5, toJson);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().addAll("tab-header", v.loads() ? "header-loads" : "header-fails");
        return header;
    }
}
