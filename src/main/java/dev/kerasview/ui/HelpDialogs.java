package dev.kerasview.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** The Help menu's windows: About, and the log. */
final class HelpDialogs {

    private HelpDialogs() {
    }

    /** Shows the version, the Keras release modelled and the licences, as selectable text. */
    static void about(Window owner) {
        show(owner, "About kerasview", AboutText.version(), AboutText.text(), "aboutText");
    }

    /** Shows the log's text and where it is. */
    static void log(Window owner, LogFile log) {
        show(owner, "kerasview log", log.file().toString(), log.tail(), "logText");
    }

    private static void show(Window owner, String title, String header, String text, String id) {
        TextArea area = new TextArea(text);
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("code");
        area.setPrefSize(620, 320);
        Alert alert = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(area);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.setResizable(true);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.show();
    }
}
