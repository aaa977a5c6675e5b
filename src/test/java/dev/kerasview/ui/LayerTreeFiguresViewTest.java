package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.LayerNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The tree's "Output shape" and "Params" columns show what Keras's summary() shows. */
@ExtendWith(ApplicationExtension.class)
class LayerTreeFiguresViewTest {

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/functional_nested/functional_nested.keras");
    private static final Path TRUTH = Path.of("src/test/resources/summary-truth/fixtures/functional_nested/functional_nested.keras.summary-keras-3.15.1.txt");

    @Start
    void start(Stage stage) throws Exception {
        LayerNode root;
        try (OpenModel m = ModelReader.open(FIXTURE, null)) {
            root = m.model().root();
        }
        Scene scene = new Scene(new LayerTreeView(new LayerTreeViewModel(new LayerIndex(root, List.of()))), 1200, 600);
        scene.getStylesheets().add(KerasviewApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void everyLayerRowShowsKerasOutputShapeAndParams(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TreeTableView<LayerRow> t = (TreeTableView<LayerRow>) robot.lookup("#layerTree").query();
        TreeTableColumn<LayerRow, ?> shape = column(t, "Output shape");
        TreeTableColumn<LayerRow, ?> params = column(t, "Params");
        assertTrue(shape.isVisible() && params.isVisible(), "both columns shown");
        List<String> expected = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(TRUTH)) {
            if (!line.startsWith("layer ")) {
                continue;
            }
            JsonNode layer = json.readTree(line.substring(6));
            expected.add(layer.get("name").asText() + " " + kerasShape(layer.get("outputShape"))
                    + " " + String.format(Locale.ROOT, "%,d", layer.get("total").asLong()));
            TreeItem<LayerRow> item = find(t.getRoot(), layer.get("path").asText().split("/"));
            shown.add(item == null ? layer.get("name").asText() + " missing"
                    : layer.get("name").asText() + " " + shape.getCellData(item) + " " + params.getCellData(item));
        }
        assertEquals(expected, shown);
    }

    /** Keras's summary text of a shape: (None, 8). */
    private static String kerasShape(JsonNode shape) {
        List<String> dims = new ArrayList<>();
        shape.forEach(d -> dims.add(d.isNull() ? "None" : d.asText()));
        return "(" + String.join(", ", dims) + ")";
    }

    private static TreeTableColumn<LayerRow, ?> column(TreeTableView<LayerRow> t, String title) {
        return t.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
    }

    private static TreeItem<LayerRow> find(TreeItem<LayerRow> root, String[] path) {
        TreeItem<LayerRow> item = root;
        for (String name : path) {
            item = item.getChildren().stream().filter(c -> c.getValue().node().name().equals(name))
                    .findFirst().orElse(null);
            if (item == null) {
                return null;
            }
        }
        return item;
    }
}
