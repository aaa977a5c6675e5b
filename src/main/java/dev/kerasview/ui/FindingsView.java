package dev.kerasview.ui;

import dev.kerasview.convert.ConversionTarget;
import dev.kerasview.model.Finding;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The findings list and, for the selected finding, Keras's message, the cause, the remedies and the conversions. */
public final class FindingsView extends VBox {

    /** The findings of {@code viewModel}; the conversion buttons act through {@code conversion}. */
    public FindingsView(FindingsViewModel viewModel, ConversionViewModel conversion) {
        this(viewModel, conversion, null);
    }

    /** As above, with a "Copy report" button running {@code copyReport} (null: no button). */
    public FindingsView(FindingsViewModel viewModel, ConversionViewModel conversion, Runnable copyReport) {
        getStyleClass().add("findings-view");
        Label title = new Label(viewModel.findings().isEmpty() ? "Findings"
                : "Findings (" + viewModel.findings().size() + ")");
        title.getStyleClass().add("panel-heading");
        HBox heading = new HBox(8, title);
        heading.setAlignment(Pos.CENTER_LEFT);
        if (copyReport != null) {
            Button copy = new Button("Copy report");
            copy.setId("copyReportButton");
            copy.setTooltip(new Tooltip("The diagnosis as Markdown, for a bug report (Ctrl+Shift+C)"));
            copy.setOnAction(e -> copyReport.run());
            heading.getChildren().add(copy);
        }

        ListView<Finding> list = new ListView<>(viewModel.findings());
        list.setId("findingsList");
        list.setPlaceholder(new Label("Nothing to report: every layer finds its variables."));
        list.setCellFactory(l -> new FindingCell());
        Clipboards.copyRows(list, () -> {
            Finding f = list.getSelectionModel().getSelectedItem();
            return f == null ? "" : RowText.finding(f);
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, f) -> viewModel.selectedFindingProperty().set(f));
        viewModel.selectedFindingProperty().addListener((obs, old, f) -> {
            if (list.getSelectionModel().getSelectedItem() != f) {
                list.getSelectionModel().select(f);
            }
        });

        SelectableText message = new SelectableText("finding-message");
        message.setId("findingMessage");
        message.textProperty().bind(viewModel.messageProperty());
        SelectableText location = new SelectableText("muted");
        location.textProperty().bind(viewModel.locationProperty());
        Label causeTitle = new Label("Cause");
        causeTitle.getStyleClass().add("section-title");
        SelectableText cause = new SelectableText("finding-cause");
        cause.textProperty().bind(viewModel.causeProperty());
        Label remediesTitle = new Label("What to do");
        remediesTitle.getStyleClass().add("section-title");
        SelectableText remedies = new SelectableText("finding-remedies");
        remedies.textProperty().bind(viewModel.remediesProperty());
        for (Node l : new Node[] {causeTitle, cause}) {
            l.visibleProperty().bind(viewModel.causeProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        for (Node l : new Node[] {remediesTitle, remedies}) {
            l.visibleProperty().bind(viewModel.remediesProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }

        HBox actions = new HBox(8);
        for (ConversionTarget target : ConversionTarget.values()) {
            Button b = new Button(ConversionActions.action(target));
            b.setOnAction(e -> conversion.convert(target));
            b.disableProperty().bind(conversion.busyProperty());
            actions.getChildren().add(b);
        }
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("finding-actions");

        VBox detail = new VBox(6, message, location, causeTitle, cause, remediesTitle, remedies, actions);
        detail.getStyleClass().add("finding-detail");
        detail.visibleProperty().bind(viewModel.selectedFindingProperty().isNotNull());
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.getStyleClass().add("edge-to-edge");

        if (viewModel.findings().isEmpty()) {
            // one line, not a pane: the details below get the height
            Label none = new Label("Nothing to report: every layer finds its variables.");
            none.setId("noFindings");
            none.getStyleClass().add("muted");
            heading.getChildren().add(1, none);
            getStyleClass().add("findings-none");
            getChildren().add(heading);
        } else {
            SplitPane split = new SplitPane(list, detailScroll);
            split.setOrientation(Orientation.VERTICAL);
            split.setDividerPositions(0.3);
            VBox.setVgrow(split, Priority.ALWAYS);
            getChildren().addAll(heading, split);
        }

        if (viewModel.opensOnFirstFinding()) {
            list.getSelectionModel().select(0);
        }
    }

    /** A finding as one line: severity icon, layer, message. */
    private static final class FindingCell extends ListCell<Finding> {
        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            getStyleClass().removeAll("finding-error", "finding-warning", "finding-info");
            if (empty || f == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setWrapText(true);
            // a zero preferred width makes the text wrap at the list's width instead of scrolling
            setPrefWidth(0);
            String who = f.layer() != null ? f.layer() + ": " : f.className() != null ? f.className() + ": " : "";
            setText(who + (f.message() == null ? f.code().id() : f.message()));
            setGraphic(StatusIcon.forSeverity(f.severity()));
            getStyleClass().add("finding-" + f.severity().id());
        }
    }
}
