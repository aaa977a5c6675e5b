package dev.kerasview.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The compatibility strip under the verdict: one line, hidden until there is something to say. */
public final class CompatibilityStripView extends HBox {

    /** A strip showing {@code viewModel}'s line. */
    public CompatibilityStripView(CompatibilityStripViewModel viewModel) {
        Label line = new Label();
        line.setId("compatibilityLine");
        line.getStyleClass().add("compatibility-line");
        line.textProperty().bind(viewModel.lineProperty());
        getStyleClass().add("compatibility-strip");
        getChildren().add(line);
        visibleProperty().bind(viewModel.lineProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }
}
