package dev.kerasview.ui;

import dev.kerasview.config.GraphNode;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ModelFile;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the graph view: the laid-out scene, the selected node (kept in step with the tree's
 * selected layer), each node's status from the diagnosis, and which nodes match the search.
 */
public final class GraphViewModel {

    private final LayerTreeViewModel tree;
    private final GraphLayoutService service;
    private final ReadOnlyObjectWrapper<GraphScene> scene = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>();
    private Map<LayerNode, String> idsByLayer = new IdentityHashMap<>();
    private boolean syncing;

    /** The graph of {@code model}, its selection following {@code tree}'s. */
    public GraphViewModel(ModelFile model, LayerTreeViewModel tree) {
        this.tree = tree;
        this.service = new GraphLayoutService(model);
        service.setOnSucceeded(e -> show(service.getValue()));
        service.setOnFailed(e -> failure.set(ErrorMessages.describe(service.getException())));
        selectedId.addListener((obs, old, id) -> {
            if (!syncing) {
                syncing = true;
                GraphScene s = scene.get();
                LayerNode layer = s == null || id == null ? null : s.layers().get(id);
                if (layer != null || id == null) {
                    tree.selectedLayerProperty().set(layer);
                }
                syncing = false;
            }
        });
        tree.selectedLayerProperty().addListener((obs, old, layer) -> followTree(layer));
    }

    /**
     * Lays the graph out the first time; later calls do nothing. Called when the tab opens, and
     * once the diagnosis is done, so that the graph of a big model is ready before it is asked for.
     */
    public void start() {
        if (scene.get() == null && !service.isRunning()) {
            service.layout(Set.of());
        }
    }

    /** Abandons a layout still running (the tab closed). */
    public void close() {
        service.cancel();
    }

    /** Opens a closed group, closes an open one (a new layout in the background). */
    public void toggle(String groupId) {
        GraphScene s = scene.get();
        if (s == null || service.isRunning()) {
            return;
        }
        Set<String> closed = new HashSet<>(s.collapsed());
        if (!closed.remove(groupId)) {
            closed.add(groupId);
        }
        service.layout(closed);
    }

    private void show(GraphScene s) {
        Map<LayerNode, String> ids = new IdentityHashMap<>();
        s.layers().forEach((id, layer) -> ids.putIfAbsent(layer, id));
        idsByLayer = ids;
        scene.set(s);
        followTree(tree.selectedLayerProperty().get());
    }

    private void followTree(LayerNode layer) {
        if (syncing) {
            return;
        }
        syncing = true;
        selectedId.set(layer == null ? null : idsByLayer.get(layer));
        syncing = false;
    }

    /** The laid-out graph, null until the first layout is done. */
    public ReadOnlyObjectProperty<GraphScene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    /** The selected node's id, or null. */
    public ObjectProperty<String> selectedIdProperty() {
        return selectedId;
    }

    /** True while a layout runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return service.runningProperty();
    }

    /** What the running layout does. */
    public ReadOnlyStringProperty messageProperty() {
        return service.messageProperty();
    }

    /** Why the graph could not be laid out, or null. */
    public ReadOnlyObjectProperty<String> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Statuses and search changes that call for a redraw. */
    public void onLooksChanged(Runnable r) {
        tree.indexProperty().addListener((obs, o, n) -> r.run());
        tree.appliedFilterProperty().addListener((obs, o, n) -> r.run());
    }

    /** How node {@code n} is marked. */
    public NodeLook look(GraphNode n) {
        GraphScene s = scene.get();
        LayerNode layer = s == null ? null : s.layers().get(n.id());
        LayerStatus status = layer == null ? LayerStatus.OK
                : tree.index().row(layer).map(LayerRow::status).orElse(LayerStatus.OK);
        String needle = tree.appliedFilterProperty().get();
        boolean match = !needle.isEmpty() && (n.name().toLowerCase(Locale.ROOT).contains(needle)
                || (n.className() != null && n.className().toLowerCase(Locale.ROOT).contains(needle)));
        return new NodeLook(status, GraphNodeText.custom(n, layer), match, n.id().equals(selectedId.get()),
                GraphNodeText.detail(n, layer));
    }

    /**
     * How one node is drawn.
     *
     * @param status   failing, warning or fine
     * @param custom   a class the person's code provides
     * @param match    its name or class matches the search
     * @param selected the selected node
     * @param detail   the box's second line
     */
    public record NodeLook(LayerStatus status, boolean custom, boolean match, boolean selected, String detail) {
    }
}
