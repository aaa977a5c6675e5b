package dev.kerasview.ui;

import dev.kerasview.model.Severity;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;

/**
 * Small shape icons drawn with JavaFX shapes (no font glyphs, so they look the same on every
 * system): a red disc with a cross for failures, an amber triangle for warnings, a blue disc
 * for information. Shape and symbol carry the meaning as well as the colour.
 */
final class StatusIcon {

    private StatusIcon() {
    }

    /** The icon for a tree row's status, or null for OK rows. */
    static Node forStatus(LayerStatus status) {
        return switch (status) {
            case FAILS -> error(false);
            case CONTAINS_FAILURE -> error(true);
            case WARNING -> warning(false);
            case CONTAINS_WARNING -> warning(true);
            case OK -> null;
        };
    }

    /** The icon for a finding's severity. */
    static Node forSeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> error(false);
            case WARNING -> warning(false);
            case INFO -> info();
        };
    }

    static Node error(boolean hollow) {
        Circle c = new Circle(7);
        c.getStyleClass().addAll("icon-error", hollow ? "icon-hollow" : "icon-filled");
        return symbol(c, hollow ? "!" : "✕", hollow ? "icon-error-hollow-symbol" : "icon-error-symbol");
    }

    static Node warning(boolean hollow) {
        Polygon p = new Polygon(7.5, 0.0, 15.0, 13.5, 0.0, 13.5);
        p.getStyleClass().addAll("icon-warning", hollow ? "icon-hollow" : "icon-filled");
        return symbol(p, "!", hollow ? "icon-warning-hollow-symbol" : "icon-warning-symbol");
    }

    static Node info() {
        Circle c = new Circle(7);
        c.getStyleClass().addAll("icon-info", "icon-filled");
        return symbol(c, "i", "icon-info-symbol");
    }

    /** The icon of a verdict: loads, loads only with the person's code, or fails. */
    static Node forVerdict(Verdict v) {
        return v.needsCode() ? warning(false) : v.loads() ? ok() : error(false);
    }

    static Node ok() {
        Circle c = new Circle(7);
        c.getStyleClass().addAll("icon-ok", "icon-filled");
        return symbol(c, "✓", "icon-ok-symbol");
    }

    private static Node symbol(Node shape, String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().addAll("icon-symbol", styleClass);
        StackPane p = new StackPane(shape, l);
        p.getStyleClass().add("status-icon");
        p.setMinSize(16, 16);
        p.setMaxSize(16, 16);
        return p;
    }
}
