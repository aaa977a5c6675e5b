package dev.kerasview.ui;

import dev.kerasview.catalog.Int4Packing;
import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The details panel: the selected layer's configuration and variables, and the selected
 * variable's statistics, computed in the background when asked for.
 */
public final class LayerDetailsViewModel {

    private final StatisticsService statisticsService;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No layer selected");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ObservableList<ConfigEntry> configEntries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rawConfig = new ReadOnlyStringWrapper("");
    private final ObservableList<VariableInfo> variables = FXCollections.observableArrayList();
    private final ObjectProperty<VariableInfo> selectedVariable = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<VariableStats> statistics = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<VariableStats> int4Statistics = new ReadOnlyObjectWrapper<>();
    private LayerNode layer;
    private final ReadOnlyStringWrapper statisticsMessage = new ReadOnlyStringWrapper("Select a variable to see its values.");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();

    /** Details of the layer selected in {@code tree}; values come from {@code tensors} (null: none). */
    public LayerDetailsViewModel(LayerTreeViewModel tree, TensorStore tensors) {
        this.statisticsService = tensors == null ? null : new StatisticsService(tensors);
        tree.selectedLayerProperty().addListener((obs, old, node) -> show(node));
        selectedVariable.addListener((obs, old, v) -> computeStatistics(v));
        if (statisticsService != null) {
            computing.bind(statisticsService.runningProperty());
            statisticsService.setOnSucceeded(e -> {
                // the int4 values first: the view redraws when the stored values' statistics change
                int4Statistics.set(statisticsService.getValue().int4());
                statistics.set(statisticsService.getValue().stored());
                statisticsMessage.set("");
            });
            statisticsService.setOnFailed(e -> {
                int4Statistics.set(null);
                statistics.set(null);
                statisticsMessage.set("Could not read the values: " + ErrorMessages.describe(statisticsService.getException()));
            });
        }
        show(tree.selectedLayerProperty().get());
    }

    private void show(LayerNode node) {
        selectedVariable.set(null);
        layer = node;
        if (node == null) {
            title.set("No layer selected");
            subtitle.set("");
            configEntries.clear();
            rawConfig.set("");
            variables.clear();
            return;
        }
        title.set(node.name());
        StringBuilder sub = new StringBuilder(node.className());
        if (node.registeredName() != null) {
            sub.append(" (registered as ").append(node.registeredName()).append(')');
        }
        if (node.path() != null && !node.path().isEmpty()) {
            sub.append(" · weights at ").append(node.path());
        }
        if (node.problem() != null) {
            sub.append(" · ").append(node.problem());
        }
        subtitle.set(sub.toString());
        LayerConfigText config = new LayerConfigText(node.configJson());
        configEntries.setAll(config.entries());
        rawConfig.set(config.pretty());
        variables.setAll(node.variables());
    }

    private void computeStatistics(VariableInfo v) {
        int4Statistics.set(null);
        statistics.set(null);
        if (v == null) {
            if (statisticsService != null) {
                statisticsService.cancel();
            }
            statisticsMessage.set("Select a variable to see its values.");
            return;
        }
        if (statisticsService == null) {
            statisticsMessage.set("This file holds no values to read.");
            return;
        }
        statisticsMessage.set("Reading " + DisplayFormat.count(v.elementCount()) + " values of " + v.name() + " …");
        Long int4Length = layer == null ? null : Int4Packing.of(layer.className(), layer.configJson(), v.name())
                .map(Int4Packing::originalLastDim).orElse(null);
        statisticsService.compute(v, int4Length);
    }

    /** The layer's name. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Class, registered name and weights path. */
    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** The configuration as readable rows. */
    public ObservableList<ConfigEntry> configEntries() {
        return configEntries;
    }

    /** The configuration JSON, pretty-printed. */
    public ReadOnlyStringProperty rawConfigProperty() {
        return rawConfig.getReadOnlyProperty();
    }

    /** The layer's own variables. */
    public ObservableList<VariableInfo> variables() {
        return variables;
    }

    /** The variable whose statistics are shown. */
    public ObjectProperty<VariableInfo> selectedVariableProperty() {
        return selectedVariable;
    }

    /** Statistics of the selected variable once computed, else null. */
    public ReadOnlyObjectProperty<VariableStats> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    /** For an int4-packed kernel, the statistics of the int4 values Keras unpacks; null otherwise. */
    public ReadOnlyObjectProperty<VariableStats> int4StatisticsProperty() {
        return int4Statistics.getReadOnlyProperty();
    }

    /** What the statistics area says instead of numbers (empty when numbers show). */
    public ReadOnlyStringProperty statisticsMessageProperty() {
        return statisticsMessage.getReadOnlyProperty();
    }

    /** True while values are being read. */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }
}
