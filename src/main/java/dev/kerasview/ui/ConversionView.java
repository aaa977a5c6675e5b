package dev.kerasview.ui;

import dev.kerasview.convert.ConversionRefusal;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The conversion strip of a tab: progress with Cancel while running, then a success banner; failures open a dialog. */
public final class ConversionView extends VBox {

    /** The view of {@code viewModel}. */
    public ConversionView(ConversionViewModel viewModel) {
        getStyleClass().add("conversion-view");

        Label what = new Label();
        what.textProperty().bind(viewModel.runningLabelProperty());
        what.getStyleClass().add("conversion-what");
        ProgressBar bar = new ProgressBar();
        bar.setId("conversionProgress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(viewModel.progressProperty());
        Label bytes = new Label();
        bytes.setId("conversionBytes");
        bytes.textProperty().bind(viewModel.progressTextProperty());
        bytes.getStyleClass().add("muted");
        Button cancel = new Button("Cancel");
        cancel.setId("cancelConversionButton");
        cancel.setOnAction(e -> viewModel.cancel());
        HBox running = new HBox(10, what, bar, bytes, spacer(), cancel);
        running.setId("conversionRunning");
        running.setAlignment(Pos.CENTER_LEFT);
        running.getStyleClass().addAll("banner", "banner-progress");
        running.visibleProperty().bind(viewModel.busyProperty());
        running.managedProperty().bind(running.visibleProperty());

        Label done = new Label();
        done.setId("conversionResult");
        done.setWrapText(true);
        done.setGraphic(StatusIcon.ok());
        done.textProperty().bind(viewModel.successTextProperty());
        HBox.setHgrow(done, Priority.ALWAYS);
        done.setMaxWidth(Double.MAX_VALUE);
        Button open = new Button("Open converted file");
        open.setId("openOutputButton");
        open.setOnAction(e -> viewModel.openOutput());
        Button show = new Button("Show in folder");
        show.setId("showInFolderButton");
        show.setOnAction(e -> viewModel.showInFolder());
        Button close = new Button("Dismiss");
        close.setOnAction(e -> viewModel.dismissSuccess());
        SelectableText notice = new SelectableText("folder-notice");
        notice.setId("folderNotice");
        notice.textProperty().bind(viewModel.folderNoticeProperty());
        notice.visibleProperty().bind(viewModel.folderNoticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        SelectableText notes = new SelectableText("conversion-notes");
        notes.setId("conversionNotes");
        notes.textProperty().bind(viewModel.notesProperty());
        notes.visibleProperty().bind(viewModel.notesProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        VBox doneText = new VBox(2, done, notes, notice);
        HBox.setHgrow(doneText, Priority.ALWAYS);
        for (Button b : List.of(open, show, close)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the long result text wraps; the buttons keep their labels
        }
        HBox banner = new HBox(10, doneText, open, show, close);
        banner.setId("conversionBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().addAll("banner", "banner-success");
        banner.visibleProperty().bind(viewModel.successTextProperty().isNotEmpty().and(viewModel.busyProperty().not()));
        banner.managedProperty().bind(banner.visibleProperty());

        Label cancelled = new Label("Conversion cancelled. Nothing was written.");
        cancelled.setId("conversionCancelled");
        HBox cancelledBanner = new HBox(cancelled);
        cancelledBanner.setId("conversionCancelledBanner");
        cancelledBanner.getStyleClass().addAll("banner", "banner-neutral");
        cancelledBanner.visibleProperty().bind(viewModel.cancelledProperty().and(viewModel.busyProperty().not()));
        cancelledBanner.managedProperty().bind(cancelledBanner.visibleProperty());

        getChildren().addAll(running, banner, cancelledBanner);

        viewModel.refusalProperty().addListener((obs, old, reason) -> {
            if (reason != null && !reason.isEmpty()) {
                Platform.runLater(() -> askToConvertAnyway(viewModel, reason));
            }
        });
        viewModel.failureProperty().addListener((obs, old, message) -> {
            if (message != null && !message.isEmpty()) {
                // shown after the current pulse so that a dialog never opens inside a layout pass
                Platform.runLater(() -> {
                    Alert alert = new Alert(Alert.AlertType.ERROR, message);
                    alert.setTitle("Conversion failed");
                    alert.setHeaderText("The conversion did not complete");
                    alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
                    if (getScene() != null) {
                        alert.initOwner(getScene().getWindow());
                    }
                    alert.show();
                    viewModel.acknowledgeFailure();
                });
            }
        });
    }

    private void askToConvertAnyway(ConversionViewModel viewModel, String reason) {
        boolean customCode = viewModel.lastRefusal() == ConversionRefusal.NEEDS_CUSTOM_CODE;
        String consequence = customCode ? "Convert anyway if your loading code registers these classes: Keras "
                + "loads the converted file only where it does." : "Keras would load the converted file with "
                + "these layers left at their initial values.";
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, reason + "\n\n" + consequence,
                new ButtonType("Convert anyway",
                ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        alert.setTitle("Convert anyway?");
        alert.setHeaderText(customCode ? "The converted file needs your own code"
                : "Some layers have no weights in this file");
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.showAndWait().ifPresentOrElse(b -> {
            viewModel.acknowledgeRefusal();
            if (b.getButtonData() == ButtonBar.ButtonData.OK_DONE) {
                viewModel.convertAnyway();
            }
        }, viewModel::acknowledgeRefusal);
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
