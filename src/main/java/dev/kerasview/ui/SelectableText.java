package dev.kerasview.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;

/**
 * Text that reads like a label but can be selected and copied (a message, a path, a remedy with
 * code): a read-only, borderless text area as tall as its wrapped text.
 */
final class SelectableText extends TextArea {

    /** The content's padding in kerasview.css: 4 above and below, 2 on each side. */
    private static final double CONTENT_V = 8;
    private static final double CONTENT_H = 4;

    /** Empty selectable text with the style class {@code styleClass}. */
    SelectableText(String styleClass) {
        setEditable(false);
        setWrapText(true);
        setFocusTraversable(true);
        getStyleClass().addAll("selectable-text", styleClass);
        // measured as a Text of the same font and width would wrap: a text area has no height of its own
        Text measure = new Text();
        measure.textProperty().bind(textProperty());
        measure.fontProperty().bind(fontProperty());
        measure.wrappingWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, getWidth() - getInsets().getLeft() - getInsets().getRight() - CONTENT_H - 2),
                widthProperty(), insetsProperty()));
        prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.ceil(measure.getLayoutBounds().getHeight()) + CONTENT_V
                        + getInsets().getTop() + getInsets().getBottom(),
                measure.layoutBoundsProperty(), insetsProperty()));
        setMinHeight(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
        setPrefWidth(0);
        setMaxWidth(Double.MAX_VALUE);
    }
}
