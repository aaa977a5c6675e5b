package dev.kerasview.ui;

import dev.kerasview.model.Finding;
import dev.kerasview.model.LayerNode;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The findings panel: every finding, errors first; selecting one selects its layer in the tree
 * and shows Keras's message, the cause and the remedies.
 */
public final class FindingsViewModel {

    private final ObservableList<Finding> findings;
    private final ObjectProperty<Finding> selectedFinding = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cause = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper remedies = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper("");
    private final LayerTreeViewModel tree;

    /** Findings of one model, wired to select layers of {@code tree}. */
    public FindingsViewModel(List<Finding> all, LayerTreeViewModel tree) {
        this.tree = tree;
        this.findings = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(
                all.stream().sorted(Comparator.comparing(Finding::severity)).toList()));
        selectedFinding.addListener((obs, old, f) -> {
            show(f);
            if (f != null) {
                List<LayerNode> layers = tree.index().layersOf(f);
                if (!layers.isEmpty()) {
                    tree.reveal(layers.get(0));
                }
            }
        });
    }

    private void show(Finding f) {
        if (f == null) {
            message.set("");
            cause.set("");
            remedies.set("");
            location.set("");
            return;
        }
        message.set(f.message() == null ? "" : f.message());
        cause.set(f.cause() == null ? "" : f.cause());
        StringBuilder b = new StringBuilder();
        for (String r : f.remedies()) {
            b.append("• ").append(r).append('\n');
        }
        remedies.set(b.toString().strip());
        location.set(RowText.where(f));
    }

    /**
     * True when the findings should open on the first one (and so select its layer): not when
     * the person already picked a layer while the diagnosis was running.
     */
    public boolean opensOnFirstFinding() {
        return !findings.isEmpty() && tree.selectedLayerProperty().get() == null;
    }

    /** All findings, errors first. */
    public ObservableList<Finding> findings() {
        return findings;
    }

    /** The finding shown in the detail area. */
    public ObjectProperty<Finding> selectedFindingProperty() {
        return selectedFinding;
    }

    /** Keras's own message (or a plain statement) of the selected finding. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The cause in plain words. */
    public ReadOnlyStringProperty causeProperty() {
        return cause.getReadOnlyProperty();
    }

    /** The remedies as a bulleted list. */
    public ReadOnlyStringProperty remediesProperty() {
        return remedies.getReadOnlyProperty();
    }

    /** Layer, class, path and counts the finding concerns. */
    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }
}
