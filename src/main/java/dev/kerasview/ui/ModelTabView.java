package dev.kerasview.ui;

import dev.kerasview.convert.ConversionTarget;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One tab's content: a spinner while reading, the model once read, or the reason it could not be read. */
public final class ModelTabView extends StackPane {

    private final ModelTabViewModel viewModel;
    private final PaneLayout layout;
    private LayerTreeView treeView;

    /** The view of {@code viewModel}, with dividers of its own. */
    public ModelTabView(ModelTabViewModel viewModel) {
        this(viewModel, new PaneLayout(PaneLayout.Positions.DEFAULT));
    }

    /** The view of {@code viewModel}, its dividers kept in {@code layout} (shared by the window's tabs). */
    public ModelTabView(ModelTabViewModel viewModel, PaneLayout layout) {
        this.viewModel = viewModel;
        this.layout = layout;
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
        SelectableText message = new SelectableText("error-message");
        message.setText(viewModel.errorMessageProperty().get());
        message.setId("tabErrorMessage");
        message.setMaxWidth(640);
        SelectableText path = new SelectableText("muted");
        path.setText(viewModel.file().toString());
        path.setMaxWidth(640);
        Button retry = new Button("Try again");
        retry.setOnAction(e -> viewModel.load());
        VBox box = new VBox(12, title, message, path, retry);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("error-pane");
        return box;
    }

    private Node loaded(ModelTabViewModel.Loaded m) {
        treeView = new LayerTreeView(m.tree());
        LayerDetailsView details = new LayerDetailsView(m.details(), layout.variablesProperty());
        StackPane findings = new StackPane();
        findings.getStyleClass().add("findings-slot");

        SplitPane right = new SplitPane(findings, details);
        right.setOrientation(Orientation.VERTICAL);
        right.setId("findingsSplit");
        right.getDividers().get(0).positionProperty().bindBidirectional(layout.findingsProperty());
        SplitPane main = new SplitPane(treeView, sideTabs(right, m.graph()));
        main.getDividers().get(0).positionProperty().bindBidirectional(layout.treeProperty());
        main.getStyleClass().add("main-split");

        BorderPane pane = new BorderPane(main);
        pane.setTop(new VBox(header(), compatibilityStrip(), new ConversionView(viewModel.conversion())));
        pane.setBottom(new StatusBarView(m.statusBar()));

        // the tree shows while the diagnosis still runs; its findings take their place when done
        showFindings(findings, right, viewModel.checkedProperty().get());
        viewModel.checkedProperty().addListener((obs, old, c) -> showFindings(findings, right, c));
        return pane;
    }

    /** The findings and details in one tab, the graph in another, laid out when first opened. */
    private static TabPane sideTabs(Node details, GraphViewModel graphModel) {
        Tab detailsTab = new Tab("Details", details);
        detailsTab.setId("detailsTab");
        Tab graphTab = new Tab("Graph");
        graphTab.setId("graphTab");
        TabPane tabs = new TabPane(detailsTab, graphTab);
        tabs.setId("sideTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab == graphTab && graphTab.getContent() == null) {
                GraphView view = new GraphView(graphModel);
                graphTab.setContent(view);
                view.start();
            }
        });
        return tabs;
    }

    private void showFindings(StackPane slot, SplitPane split, ModelTabViewModel.Checked c) {
        SplitPane.Divider divider = split.getDividers().get(0);
        boolean none = c != null && c.findings().findings().isEmpty();
        // nothing to report takes one line; the other tabs keep the divider the person set
        divider.positionProperty().unbindBidirectional(layout.findingsProperty());
        slot.setMaxHeight(none ? Region.USE_PREF_SIZE : Double.MAX_VALUE);
        if (none) {
            divider.setPosition(0);
        } else {
            divider.positionProperty().bindBidirectional(layout.findingsProperty());
        }
        if (c == null) {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setId("diagnosingIndicator");
            spinner.setMaxSize(28, 28);
            Label label = new Label("Checking whether Keras loads this file …");
            label.getStyleClass().add("muted");
            VBox box = new VBox(10, spinner, label);
            box.setAlignment(Pos.CENTER);
            slot.getChildren().setAll(box);
        } else {
            slot.getChildren().setAll(new FindingsView(c.findings(), viewModel.conversion(),
                    () -> Clipboards.copy(viewModel.report())));
        }
    }

    /** Which Keras versions load the file; checked once this tab's own diagnosis is done. */
    private Node compatibilityStrip() {
        CompatibilityStripViewModel strip = new CompatibilityStripViewModel(viewModel.file(), viewModel.weights());
        if (viewModel.checkedProperty().get() != null) {
            strip.start();
        }
        viewModel.checkedProperty().addListener((obs, old, c) -> {
            if (c != null) {
                strip.start();
            }
        });
        return new CompatibilityStripView(strip, viewModel.conversion());
    }

    private Node header() {
        Label headline = new Label();
        headline.setId("verdictLabel");
        headline.getStyleClass().add("verdict");
        Label detail = new Label();
        detail.getStyleClass().add("verdict-detail");
        SelectableText file = new SelectableText("muted");
        file.setId("tabFilePath");
        file.setText(viewModel.file().toString()
                + (viewModel.weights() == null ? "" : "  +  " + viewModel.weights().getFileName()));
        VBox text = new VBox(2, new HBox(10, headline, detail), file);
        ((HBox) text.getChildren().get(0)).setAlignment(Pos.BASELINE_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);

        HBox buttons = new HBox(8);
        showConversions(buttons, viewModel.usefulTargetsProperty().get());
        viewModel.usefulTargetsProperty().addListener((obs, old, targets) -> showConversions(buttons, targets));

        HBox header = new HBox(12, text, buttons);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("tab-header");
        showVerdict(headline, detail, header, viewModel.checkedProperty().get());
        viewModel.checkedProperty().addListener((obs, old, c) -> showVerdict(headline, detail, header, c));
        return header;
    }

    /** One button per conversion that can help, the most useful one accented. */
    private void showConversions(HBox buttons, List<ConversionTarget> targets) {
        buttons.getChildren().clear();
        for (ConversionTarget target : targets) {
            Button b = new Button(ConversionActions.action(target));
            b.setId("convert" + target + "Button");
            b.setOnAction(e -> viewModel.conversion().convert(target));
            b.disableProperty().bind(viewModel.conversion().busyProperty());
            // A long verdict shortens with an ellipsis; the actions keep their whole labels.
            b.setMinWidth(Region.USE_PREF_SIZE);
            buttons.getChildren().add(b);
        }
        if (!buttons.getChildren().isEmpty()) {
            buttons.getChildren().get(0).getStyleClass().add("accent");
        }
    }

    private static void showVerdict(Label headline, Label detail, HBox header, ModelTabViewModel.Checked c) {
        headline.getStyleClass().removeAll("verdict-loads", "verdict-needs-code", "verdict-fails", "verdict-pending");
        header.getStyleClass().removeAll("header-loads", "header-needs-code", "header-fails");
        if (c == null) {
            headline.setText("Checking whether Keras loads this file …");
            headline.setGraphic(null);
            headline.getStyleClass().add("verdict-pending");
            detail.setText("");
            return;
        }
        Verdict v = c.verdict();
        headline.setText(v.headline());
        headline.getStyleClass().add(v.needsCode() ? "verdict-needs-code" : v.loads() ? "verdict-loads" : "verdict-fails");
        headline.setGraphic(StatusIcon.forVerdict(v));
        detail.setText(v.detail());
        header.getStyleClass().add(v.needsCode() ? "header-needs-code" : v.loads() ? "header-loads" : "header-fails");
    }
}
