package dev.kerasview.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** A yes-or-no question in a dialog whose buttons say what each answer does. */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * Asks {@code question} and runs {@code onYes} if the person chose {@code yes}. Returns at
     * once: no nested event loop inside the key or close event that asked.
     */
    static void ask(Window owner, String question, String yes, String no, Runnable onYes) {
        ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType noButton = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, yesButton, noButton);
        alert.setTitle("kerasview");
        alert.setHeaderText(null);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setOnHidden(e -> {
            if (alert.getResult() == yesButton) {
                onYes.run();
            }
        });
        alert.show();
    }
}
