package dev.kerasview.ui;

import dev.kerasview.model.LayerNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the layer tree: the rows shown under the current search, and the selected layer.
 * Filtering is one pass over a precomputed pre-order list with lower-case keys, and builds
 * rows only for what stays visible, so it costs microseconds per thousand layers.
 */
public final class LayerTreeViewModel {

    private final ReadOnlyObjectWrapper<LayerIndex> index;
    private final ReadOnlyObjectWrapper<LayerRow> shownTree;
    private final ReadOnlyStringWrapper appliedFilter = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper();
    private final ObjectProperty<LayerNode> selectedLayer = new SimpleObjectProperty<>();

    /** A tree over the layers of {@code index}. */
    public LayerTreeViewModel(LayerIndex index) {
        this.index = new ReadOnlyObjectWrapper<>(index);
        this.shownTree = new ReadOnlyObjectWrapper<>(index.root());
        matchCount.set(index.preorder().size());
    }

    /** The index the rows come from. */
    public LayerIndex index() {
        return index.get();
    }

    /** The index the rows come from; replaced once when the diagnosis attaches its findings. */
    public ReadOnlyObjectProperty<LayerIndex> indexProperty() {
        return index.getReadOnlyProperty();
    }

    /**
     * Shows the rows of {@code diagnosed}: the same layers with the findings attached (their
     * statuses), under the filter and selection already in place.
     */
    public void showStatuses(LayerIndex diagnosed) {
        index.set(diagnosed);
        filter(appliedFilter.get());
    }

    /** The rows to show: the full tree, or the matches of the filter with their ancestors. */
    public ReadOnlyObjectProperty<LayerRow> shownTreeProperty() {
        return shownTree.getReadOnlyProperty();
    }

    /** The filter currently applied (trimmed). */
    public ReadOnlyStringProperty appliedFilterProperty() {
        return appliedFilter.getReadOnlyProperty();
    }

    /** Number of layers matching the filter (all layers when there is none). */
    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** The selected layer; set by the tree and by the findings panel. */
    public ObjectProperty<LayerNode> selectedLayerProperty() {
        return selectedLayer;
    }

    /** True when the filter shows only part of the tree. */
    public boolean filtered() {
        return !appliedFilter.get().isEmpty();
    }

    /** Shows the layers whose name or class contains {@code text} (case-insensitive). */
    public void applyFilter(String text) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (needle.equals(appliedFilter.get())) {
            return;
        }
        appliedFilter.set(needle);
        filter(needle);
    }

    private void filter(String needle) {
        LayerIndex index = this.index.get();
        if (needle.isEmpty()) {
            matchCount.set(index.preorder().size());
            shownTree.set(index.root());
            return;
        }
        Set<LayerRow> visible = Collections.newSetFromMap(new IdentityHashMap<>());
        int matches = 0;
        for (LayerRow row : index.preorder()) {
            if (row.searchKey().contains(needle)) {
                matches++;
                for (LayerRow r = row; r != null && visible.add(r); r = index.parent(r)) {
                    // ancestors stay visible so that every match keeps its place in the tree
                }
            }
        }
        matchCount.set(matches);
        visible.add(index.root());
        shownTree.set(prune(index.root(), visible));
    }

    private static LayerRow prune(LayerRow row, Set<LayerRow> visible) {
        List<LayerRow> kept = new ArrayList<>();
        for (LayerRow c : row.children()) {
            if (visible.contains(c)) {
                kept.add(prune(c, visible));
            }
        }
        return row.withChildren(kept);
    }

    /** Selects the layer a finding names, clearing a filter that would hide it. */
    public void reveal(LayerNode node) {
        if (node == null) {
            return;
        }
        if (filtered() && !isShown(node)) {
            applyFilter("");
        }
        selectedLayer.set(node);
    }

    private boolean isShown(LayerNode node) {
        return contains(shownTree.get(), node);
    }

    private static boolean contains(LayerRow row, LayerNode node) {
        if (row.node() == node) {
            return true;
        }
        for (LayerRow c : row.children()) {
            if (contains(c, node)) {
                return true;
            }
        }
        return false;
    }
}
