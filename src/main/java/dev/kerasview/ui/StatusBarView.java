package dev.kerasview.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;

/** Format, Keras version, date saved, parameters and file size along the bottom of a tab. */
public final class StatusBarView extends HBox {

    /** The status bar showing {@code viewModel}. */
    public StatusBarView(StatusBarViewModel viewModel) {
        super(10);
        setId("statusBar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        String[] parts = {viewModel.format(), viewModel.kerasVersion(), viewModel.dateSaved(),
                viewModel.parameters(), viewModel.fileSize()};
        for (String p : parts) {
            if (p == null || p.isEmpty()) {
                continue;
            }
            if (!getChildren().isEmpty()) {
                getChildren().add(new Separator(Orientation.VERTICAL));
            }
            getChildren().add(new Label(p));
        }
    }
}
