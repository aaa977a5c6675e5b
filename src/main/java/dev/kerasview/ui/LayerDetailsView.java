package dev.kerasview.ui;

import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The selected layer's variables (with statistics and histogram), configuration and raw JSON. */
public final class LayerDetailsView extends VBox {

    private final LayerDetailsViewModel viewModel;
    private final DoubleProperty variablesDivider;
    private final GridPane statsGrid = new GridPane();
    private final VBox statsBox = new VBox(6);
    /** Figures beside the histogram, not above it: the height goes to the variables table. */
    private final HBox statsRow = new HBox(12);
    /** Made when a variable is first selected: a chart's classes and styles cost a noticeable part of opening a model. */
    private BarChart<String, Number> histogram;

    /** The view of {@code viewModel}. */
    public LayerDetailsView(LayerDetailsViewModel viewModel) {
        this(viewModel, new SimpleDoubleProperty(PaneLayout.Positions.DEFAULT.variables()));
    }

    /** The view of {@code viewModel}, the variables table's divider kept in {@code variablesDivider}. */
    public LayerDetailsView(LayerDetailsViewModel viewModel, DoubleProperty variablesDivider) {
        this.viewModel = viewModel;
        this.variablesDivider = variablesDivider;
        getStyleClass().add("layer-details-view");

        Label title = new Label();
        title.setId("detailsTitle");
        title.getStyleClass().add("panel-heading");
        title.textProperty().bind(viewModel.titleProperty());
        Label subtitle = new Label();
        subtitle.getStyleClass().add("muted");
        subtitle.setWrapText(true);
        subtitle.textProperty().bind(viewModel.subtitleProperty());

        TabPane tabs = new TabPane(
                new Tab("Variables", variablesPane()),
                lazyTab("Configuration", this::configTable),
                lazyTab("JSON", this::rawJson));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("details-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        getChildren().addAll(title, subtitle, tabs);
    }

    /** A tab whose content is made when first shown: most people never open it, and a model opens faster without it. */
    private static Tab lazyTab(String title, Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected() && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
    }

    private BarChart<String, Number> histogram() {
        if (histogram == null) {
            CategoryAxis x = new CategoryAxis();
            x.setTickLabelsVisible(false);
            x.setTickMarkVisible(false);
            NumberAxis y = new NumberAxis();
            y.setLabel("count");
            histogram = new BarChart<>(x, y);
            histogram.setId("histogram");
            histogram.setLegendVisible(false);
            histogram.setAnimated(false);
            histogram.setBarGap(0);
            histogram.setCategoryGap(1);
            histogram.setMinHeight(120);
            histogram.managedProperty().bind(histogram.visibleProperty());
            histogram.setVisible(false);
            HBox.setHgrow(histogram, Priority.ALWAYS);
            statsRow.getChildren().add(histogram);
        }
        return histogram;
    }

    private SplitPane variablesPane() {
        TableView<VariableInfo> table = new TableView<>(viewModel.variables());
        table.setId("variablesTable");
        table.setPlaceholder(new Label("This layer stores no variables."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Name", 110, VariableInfo::name));
        table.getColumns().add(column("Shape", 90, v -> DisplayFormat.shape(v.shape())));
        table.getColumns().add(column("dtype", 70, VariableInfo::dtype));
        table.getColumns().add(column("Size", 70, v -> DisplayFormat.bytes(v.byteSize())));
        table.getColumns().add(column("HDF5 path", 220, v -> v.file() == null ? v.path() : v.file() + ":" + v.path()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, v) -> viewModel.selectedVariableProperty().set(v));
        Clipboards.copyRows(table, () -> {
            VariableInfo v = table.getSelectionModel().getSelectedItem();
            return v == null ? "" : RowText.variable(v);
        });
        viewModel.selectedVariableProperty().addListener((obs, old, v) -> {
            if (v == null) {
                table.getSelectionModel().clearSelection();
            } else {
                // in place (hidden) while the values are read
                histogram();
            }
        });

        Label message = new Label();
        message.setId("statisticsMessage");
        message.setWrapText(true);
        message.getStyleClass().add("muted");
        message.textProperty().bind(viewModel.statisticsMessageProperty());
        message.managedProperty().bind(message.visibleProperty());
        message.visibleProperty().bind(viewModel.statisticsMessageProperty().isNotEmpty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(viewModel.computingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        HBox status = new HBox(8, spinner, message);

        statsGrid.getStyleClass().add("stats-grid");
        statsGrid.setHgap(14);
        statsGrid.setVgap(2);
        viewModel.statisticsProperty().addListener((obs, old, s) -> showStatistics(s));

        statsGrid.setMinWidth(Region.USE_PREF_SIZE);
        statsRow.getChildren().add(statsGrid);
        VBox.setVgrow(statsRow, Priority.ALWAYS);
        statsBox.getChildren().addAll(status, statsRow);
        statsBox.getStyleClass().add("stats-box");
        SplitPane split = new SplitPane(table, statsBox);
        split.setOrientation(Orientation.VERTICAL);
        split.getDividers().get(0).positionProperty().bindBidirectional(variablesDivider);
        return split;
    }

    private void showStatistics(VariableStats s) {
        statsGrid.getChildren().clear();
        if (s == null) {
            if (histogram != null) {
                histogram.getData().clear();
                histogram.setVisible(false);
            }
            return;
        }
        BarChart<String, Number> histogram = histogram();
        histogram.getData().clear();
        histogram.setVisible(true);
        String[][] rows = {
                {"count", DisplayFormat.count(s.count()), "sum", DisplayFormat.number(s.sum())},
                {"min", DisplayFormat.number(s.min()), "max", DisplayFormat.number(s.max())},
                {"mean", DisplayFormat.number(s.mean()), "std", DisplayFormat.number(s.std())},
                {"zeros", DisplayFormat.count(s.zeros()), "NaN", DisplayFormat.count(s.nans())},
        };
        addRows(rows, 0);
        VariableStats int4 = viewModel.int4StatisticsProperty().get();
        if (int4 != null) {
            Label heading = new Label("int4 values, as Keras unpacks them");
            heading.getStyleClass().add("stat-key");
            statsGrid.add(heading, 0, rows.length, 4, 1);
            addRows(new String[][] {
                    {"count", DisplayFormat.count(int4.count()), "sum", DisplayFormat.number(int4.sum())},
                    {"min", DisplayFormat.number(int4.min()), "max", DisplayFormat.number(int4.max())},
                    {"mean", DisplayFormat.number(int4.mean()), "std", DisplayFormat.number(int4.std())},
            }, rows.length + 1);
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        int bins = s.histogram().size();
        double width = bins == 0 ? 0 : (s.histogramMax() - s.histogramMin()) / bins;
        for (int i = 0; i < bins; i++) {
            String label = DisplayFormat.number(s.histogramMin() + i * width) + " – " + DisplayFormat.number(s.histogramMin() + (i + 1) * width);
            series.getData().add(new XYChart.Data<>(i + ": " + label, s.histogram().get(i)));
        }
        histogram.getData().add(series);
        histogram.setTitle("Values from " + DisplayFormat.number(s.histogramMin()) + " to " + DisplayFormat.number(s.histogramMax()));
    }

    private void addRows(String[][] rows, int first) {
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 4; c++) {
                Label l = new Label(rows[r][c]);
                l.getStyleClass().add(c % 2 == 0 ? "stat-key" : "stat-value");
                statsGrid.add(l, c, first + r);
            }
        }
    }

    private TreeTableView<ConfigEntry> configTable() {
        TreeTableView<ConfigEntry> table = new TreeTableView<>();
        table.setId("configTable");
        table.setShowRoot(false);
        table.setPlaceholder(new Label("No configuration stored for this layer."));
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<ConfigEntry, String> key = new TreeTableColumn<>("Key");
        key.setPrefWidth(170);
        key.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue().key()));
        TreeTableColumn<ConfigEntry, String> value = new TreeTableColumn<>("Value");
        value.setPrefWidth(300);
        value.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue().value()));
        table.getColumns().add(key);
        table.getColumns().add(value);
        Runnable fill = () -> {
            TreeItem<ConfigEntry> root = new TreeItem<>(new ConfigEntry("", ""));
            viewModel.configEntries().forEach(e -> root.getChildren().add(item(e)));
            table.setRoot(root);
        };
        fill.run();
        viewModel.configEntries().addListener((ListChangeListener<ConfigEntry>) c -> fill.run());
        Clipboards.copyRows(table, () -> {
            TreeItem<ConfigEntry> item = table.getSelectionModel().getSelectedItem();
            return item == null ? "" : RowText.configEntry(item.getValue());
        });
        return table;
    }

    private static TreeItem<ConfigEntry> item(ConfigEntry e) {
        TreeItem<ConfigEntry> item = new TreeItem<>(e);
        e.children().forEach(c -> item.getChildren().add(item(c)));
        return item;
    }

    private TextArea rawJson() {
        TextArea area = new TextArea();
        area.setId("rawConfig");
        area.setEditable(false);
        area.getStyleClass().add("code");
        area.textProperty().bind(viewModel.rawConfigProperty());
        return area;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }
}
