package dev.kerasview.ui;

import dev.kerasview.diagnose.CompatibilitySummary;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The compatibility strip under the verdict: one line, hidden until there is something to say,
 * with "Convert for Keras 3.12…" where an older version fails and a conversion can serve it.
 */
public final class CompatibilityStripView extends HBox {

    /** A strip showing {@code viewModel}'s line; its action converts through {@code conversion}. */
    public CompatibilityStripView(CompatibilityStripViewModel viewModel, ConversionViewModel conversion) {
        Label line = new Label();
        line.setId("compatibilityLine");
        line.getStyleClass().add("compatibility-line");
        line.textProperty().bind(viewModel.lineProperty());
        line.setMinWidth(0);
        HBox.setHgrow(line, Priority.ALWAYS);
        line.setMaxWidth(Double.MAX_VALUE);

        Button convert = new Button();
        convert.setId("convertForOlderKerasButton");
        convert.textProperty().bind(Bindings.createStringBinding(() -> viewModel.convertTargetProperty().get() == null
                ? "" : "Convert for Keras " + CompatibilitySummary.minor(viewModel.convertTargetProperty().get()
                .version()) + "…", viewModel.convertTargetProperty()));
        convert.visibleProperty().bind(viewModel.convertTargetProperty().isNotNull());
        convert.managedProperty().bind(convert.visibleProperty());
        convert.disableProperty().bind(conversion.busyProperty());
        convert.setMinWidth(Region.USE_PREF_SIZE);
        convert.setOnAction(e -> conversion.convertFor(viewModel.convertTargetProperty().get()));

        getStyleClass().add("compatibility-strip");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        getChildren().addAll(line, convert);
        visibleProperty().bind(viewModel.lineProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }
}
