package dev.kerasview.ui;

import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Copying to the system clipboard: Ctrl+C and a "Copy" context menu on lists, tables and trees. */
final class Clipboards {

    private static final KeyCombination COPY = KeyCombination.keyCombination("Shortcut+C");

    private Clipboards() {
    }

    /** Puts {@code text} on the clipboard. */
    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Ctrl+C and the context menu's "Copy" put {@code selectedText} (empty: nothing selected) on the clipboard. */
    static void copyRows(Control control, Supplier<String> selectedText) {
        Runnable copySelected = () -> {
            String text = selectedText.get();
            if (!text.isEmpty()) {
                copy(text);
            }
        };
        control.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copySelected.run();
                e.consume();
            }
        });
        MenuItem item = new MenuItem("Copy");
        item.setAccelerator(COPY);
        item.setOnAction(e -> copySelected.run());
        control.setContextMenu(new ContextMenu(item));
    }
}
