package dev.kerasview.bench;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the window's layer tree and search field without knowing the UI's classes: any
 * TreeView or TreeTableView, any TextField. Runs on the FX thread only.
 */
final class TreeProbe {

    private final int expectedItems;

    /** @param expectedItems tree items that must exist before the tree counts as populated */
    TreeProbe(int expectedItems) {
        this.expectedItems = expectedItems;
    }

    /** Scenes of all showing windows. */
    static List<Scene> showingScenes() {
        List<Scene> out = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null) {
                out.add(w.getScene());
            }
        }
        return out;
    }

    /**
     * True when some tree in {@code scene} holds the model (at least {@code expectedItems} items
     * in its first two levels) and shows at least one laid-out, non-empty row.
     */
    boolean populated(Scene scene) {
        return populated(scene, java.util.Set.of());
    }

    /** Like {@link #populated(Scene)}, counting only trees other than {@code earlier} (a new tab's tree). */
    boolean populated(Scene scene, java.util.Set<Node> earlier) {
        for (Node n : all(scene.getRoot())) {
            TreeItem<?> root = n instanceof TreeView<?> tv ? tv.getRoot()
                    : n instanceof TreeTableView<?> ttv ? ttv.getRoot() : null;
            if (root != null && !earlier.contains(n) && n.isVisible()
                    && itemsInTwoLevels(root, expectedItems) >= expectedItems && visibleRows(n) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Every tree in the scene now (compared by identity). */
    static java.util.Set<Node> trees(Scene scene) {
        java.util.Set<Node> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Node n : all(scene.getRoot())) {
            if (n instanceof TreeView<?> || n instanceof TreeTableView<?>) {
                out.add(n);
            }
        }
        return out;
    }

    /** The search field: a TextField named or prompted like a search/filter, else the only one. */
    Optional<TextField> searchField(Scene scene) {
        List<TextField> fields = new ArrayList<>();
        for (Node n : all(scene.getRoot())) {
            if (n instanceof TextField tf && tf.isVisible() && !tf.isDisabled() && tf.isEditable()) {
                fields.add(tf);
            }
        }
        for (TextField tf : fields) {
            String hint = (tf.getId() + " " + tf.getPromptText() + " " + tf.getStyleClass())
                    .toLowerCase(Locale.ROOT);
            if (hint.contains("search") || hint.contains("filter") || hint.contains("find")) {
                return Optional.of(tf);
            }
        }
        return fields.isEmpty() ? Optional.empty() : Optional.of(fields.get(0));
    }

    /** What the scene shows, for a timeout message: trees with their item counts and rows, labels. */
    static String describe(Scene scene) {
        StringBuilder sb = new StringBuilder();
        for (Node n : all(scene.getRoot())) {
            TreeItem<?> root = n instanceof TreeView<?> tv ? tv.getRoot()
                    : n instanceof TreeTableView<?> ttv ? ttv.getRoot() : null;
            if (n instanceof TreeView<?> || n instanceof TreeTableView<?>) {
                sb.append(String.format("tree[visible=%s items=%d rows=%d] ", n.isVisible(),
                        root == null ? -1 : itemsInTwoLevels(root, Integer.MAX_VALUE), visibleRows(n)));
            } else if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank()) {
                sb.append('"').append(l.getText().replace('\n', ' ')).append("\" ");
            }
        }
        return sb.toString();
    }

    /** Rows of the tree currently showing something (after the last layout). */
    static int visibleRows(Node tree) {
        int rows = 0;
        for (Node c : all(tree)) {
            // rows only: a TreeTableView's rows also contain one IndexedCell per column
            boolean row = c instanceof javafx.scene.control.TreeCell<?>
                    || c instanceof javafx.scene.control.TreeTableRow<?>;
            if (row && c instanceof IndexedCell<?> cell && cell.isVisible() && !cell.isEmpty()
                    && cell.getIndex() >= 0 && cell.getHeight() > 0) {
                rows++;
            }
        }
        return rows;
    }

    // Stops as soon as enough items are seen, so lazy children are not all forced into being.
    private static int itemsInTwoLevels(TreeItem<?> root, int enough) {
        int n = root.getChildren().size();
        for (TreeItem<?> c : root.getChildren()) {
            if (n >= enough) {
                break;
            }
            n += c.getChildren().size();
        }
        return n;
    }

    private static List<Node> all(Node start) {
        List<Node> out = new ArrayList<>();
        List<Node> todo = new ArrayList<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            out.add(n);
            if (n instanceof Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return out;
    }
}
