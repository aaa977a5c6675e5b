package dev.kerasview.ui;

import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.BreadCrumbBar;
import org.controlsfx.control.textfield.TextFields;

/**
 * The layer tree with its search field. Typing is debounced; the tree keeps one cached set of
 * items for the unfiltered model and builds items only for the visible rows of a filter; the
 * TreeTableView creates cells only for rows on screen.
 */
public final class LayerTreeView extends VBox {

    /** Wait after the last keystroke before filtering. */
    static final Duration DEBOUNCE = Duration.millis(150);

    private static final PseudoClass MARKED = PseudoClass.getPseudoClass("marked");
    private static final PseudoClass CUSTOM = PseudoClass.getPseudoClass("custom");
    private static final Map<LayerStatus, PseudoClass> STATUS = new EnumMap<>(LayerStatus.class);

    static {
        for (LayerStatus s : LayerStatus.values()) {
            STATUS.put(s, PseudoClass.getPseudoClass(s.pseudoClass()));
        }
    }

    private final LayerTreeViewModel viewModel;
    private final TextField search = TextFields.createClearableTextField();
    private final BreadCrumbBar<LayerRow> path = new BreadCrumbBar<>();
    private final Label matches = new Label();
    private final TreeTableView<LayerRow> table = new TreeTableView<>();
    private final Map<LayerNode, TreeItem<LayerRow>> items = new IdentityHashMap<>();
    private TreeItem<LayerRow> fullRoot;
    private boolean syncing;

    /** The view of {@code viewModel}. */
    public LayerTreeView(LayerTreeViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("layer-tree-view");

        search.setId("layerSearch");
        search.setPromptText("Search layers by name or class  (Ctrl+F)");
        matches.getStyleClass().add("muted");
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox bar = new HBox(8, search, matches);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("search-bar");

        PauseTransition debounce = new PauseTransition(DEBOUNCE);
        debounce.setOnFinished(e -> viewModel.applyFilter(search.getText()));
        search.textProperty().addListener((obs, old, text) -> debounce.playFromStart());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                debounce.stop();
                viewModel.applyFilter(search.getText());
            } else if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                debounce.stop();
                viewModel.applyFilter("");
            }
        });

        table.setId("layerTree");
        table.setShowRoot(true);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No layer matches the search."));
        table.getColumns().add(nameColumn());
        table.getColumns().add(textColumn("Class", 115, r -> r.node().className()));
        TreeTableColumn<LayerRow, String> shape = textColumn("Output shape", 95, r -> r.node().outputShape() == null ? "" : r.node().outputShape());
        // most formats store no output shapes: an always-empty column would only take room
        shape.setVisible(viewModel.index().preorder().stream().anyMatch(r -> r.node().outputShape() != null));
        table.getColumns().add(shape);
        TreeTableColumn<LayerRow, String> params = textColumn("Parameters", 95, r -> DisplayFormat.count(r.parameters()));
        params.getStyleClass().add("numeric");
        table.getColumns().add(params);
        TreeTableColumn<LayerRow, String> size = textColumn("Size", 82, r -> r.bytes() == 0 ? "" : DisplayFormat.bytes(r.bytes()));
        size.getStyleClass().add("numeric");
        table.getColumns().add(size);
        table.getColumns().add(statusColumn());
        table.setRowFactory(t -> new StatusRow());
        Clipboards.copyRows(table, () -> {
            TreeItem<LayerRow> item = table.getSelectionModel().getSelectedItem();
            return item == null || item.getValue() == null ? "" : RowText.layer(item.getValue());
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        // where the selected layer sits (model › encoder › dense_1); a crumb selects its layer
        path.setId("layerPath");
        path.getStyleClass().add("layer-path");
        path.setAutoNavigationEnabled(false);
        path.setCrumbFactory(item -> new BreadCrumbBar.BreadCrumbButton(
                item.getValue() == null ? "" : item.getValue().node().name()));
        path.selectedCrumbProperty().bind(table.getSelectionModel().selectedItemProperty());
        path.setOnCrumbAction(e -> table.getSelectionModel().select(e.getSelectedCrumb()));
        path.visibleProperty().bind(table.getSelectionModel().selectedItemProperty().isNotNull());
        path.managedProperty().bind(path.visibleProperty());

        getChildren().addAll(bar, table, path);

        showTree(viewModel.shownTreeProperty().get());
        viewModel.indexProperty().addListener((obs, old, index) -> restatus(index));
        viewModel.shownTreeProperty().addListener((obs, old, tree) -> showTree(tree));
        viewModel.matchCountProperty().addListener((obs, o, n) -> updateMatches());
        viewModel.appliedFilterProperty().addListener((obs, o, f) -> {
            if (f.isEmpty() && !search.getText().isBlank()) {
                // the model cleared the filter (to reveal a finding's layer): say so in the field
                debounce.stop();
                search.clear();
                debounce.stop();
            }
        });
        updateMatches();

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncing) {
                syncing = true;
                viewModel.selectedLayerProperty().set(item == null ? null : item.getValue().node());
                syncing = false;
            }
        });
        viewModel.selectedLayerProperty().addListener((obs, old, node) -> select(node));
    }

    /** Puts the cursor in the search field. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void updateMatches() {
        matches.setText(viewModel.filtered()
                ? DisplayFormat.plural(viewModel.matchCountProperty().get(), "match", "matches")
                : DisplayFormat.plural(viewModel.matchCountProperty().get(), "layer", "layers"));
    }

    private void showTree(LayerRow tree) {
        LayerNode selected = viewModel.selectedLayerProperty().get();
        items.clear();
        TreeItem<LayerRow> root;
        if (tree == viewModel.index().root()) {
            if (fullRoot == null) {
                fullRoot = item(tree, false, 0);
            } else {
                register(fullRoot);
            }
            root = fullRoot;
        } else {
            root = item(tree, true, 0);
        }
        syncing = true;
        table.setRoot(root);
        syncing = false;
        select(selected);
    }

    private TreeItem<LayerRow> item(LayerRow row, boolean expandAll, int depth) {
        TreeItem<LayerRow> item = new TreeItem<>(row);
        items.put(row.node(), item);
        if (!row.children().isEmpty()) {
            // one setAll instead of n adds: each add fires a modification event up the tree
            List<TreeItem<LayerRow>> children = new ArrayList<>(row.children().size());
            for (LayerRow c : row.children()) {
                children.add(item(c, expandAll, depth + 1));
            }
            item.getChildren().setAll(children);
        }
        item.setExpanded(expandAll || depth == 0 || row.status().failing()
                || (row.node().kind() == LayerKind.MODEL && depth < 2 && row.children().size() <= 200));
        return item;
    }

    /**
     * The diagnosis attached its findings: the cached full tree keeps its items (and so what
     * the person expanded, scrolled to and selected); only items whose status or findings
     * changed take their new row, since each change fires an event up the whole tree. A
     * failing row opens as it would have if the statuses had been known from the start.
     */
    private void restatus(LayerIndex index) {
        if (fullRoot != null && restatus(fullRoot, index) && table.getRoot() == fullRoot) {
            // cells copy their values when they are filled: make them fill again
            table.refresh();
        }
    }

    private static boolean restatus(TreeItem<LayerRow> item, LayerIndex index) {
        LayerRow old = item.getValue();
        LayerRow row = index.row(old.node()).orElse(old);
        boolean changed = row.status() != old.status() || !row.findings().equals(old.findings());
        if (changed) {
            item.setValue(row);
            if (row.status().failing() && !item.getChildren().isEmpty()) {
                item.setExpanded(true);
            }
        }
        for (TreeItem<LayerRow> c : item.getChildren()) {
            changed |= restatus(c, index);
        }
        return changed;
    }

    private void register(TreeItem<LayerRow> item) {
        items.put(item.getValue().node(), item);
        for (TreeItem<LayerRow> c : item.getChildren()) {
            register(c);
        }
    }

    private void select(LayerNode node) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            TreeItem<LayerRow> item = node == null ? null : items.get(node);
            if (item == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            for (TreeItem<LayerRow> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            table.getSelectionModel().select(item);
            int index = table.getRow(item);
            if (index >= 0) {
                table.scrollTo(Math.max(0, index - 3));
            }
        } finally {
            syncing = false;
        }
    }

    private TreeTableColumn<LayerRow, String> textColumn(String title, double width, Function<LayerRow, String> value) {
        TreeTableColumn<LayerRow, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue() == null ? "" : value.apply(f.getValue().getValue())));
        c.setSortable(false);
        return c;
    }

    private TreeTableColumn<LayerRow, LayerRow> nameColumn() {
        TreeTableColumn<LayerRow, LayerRow> c = new TreeTableColumn<>("Layer");
        c.setPrefWidth(210);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue()));
        c.setCellFactory(col -> new TreeTableCell<>() {
            // icons are made once per cell and reused: new nodes per update would cost CSS passes
            private final Map<LayerStatus, Node> icons = new EnumMap<>(LayerStatus.class);

            @Override
            protected void updateItem(LayerRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(row.node().name());
                setGraphic(row.status() == LayerStatus.OK ? null
                        : icons.computeIfAbsent(row.status(), StatusIcon::forStatus));
            }
        });
        return c;
    }

    private TreeTableColumn<LayerRow, LayerRow> statusColumn() {
        TreeTableColumn<LayerRow, LayerRow> c = new TreeTableColumn<>("Status");
        c.setPrefWidth(160);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue()));
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(LayerRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    pseudoClassStateChanged(MARKED, false);
                    return;
                }
                setText(row.statusText());
                pseudoClassStateChanged(MARKED, !row.marks().isEmpty() && !row.status().failing());
            }
        });
        return c;
    }

    /** A row tinted by its status (pseudo-classes: cheaper to switch than style classes). */
    private static final class StatusRow extends TreeTableRow<LayerRow> {
        @Override
        protected void updateItem(LayerRow row, boolean empty) {
            super.updateItem(row, empty);
            LayerStatus status = empty || row == null ? null : row.status();
            for (LayerStatus s : LayerStatus.values()) {
                pseudoClassStateChanged(STATUS.get(s), s == status);
            }
            pseudoClassStateChanged(CUSTOM, status != null
                    && (row.node().kind() == LayerKind.CUSTOM || row.node().kind() == LayerKind.LAMBDA));
        }
    }
}
