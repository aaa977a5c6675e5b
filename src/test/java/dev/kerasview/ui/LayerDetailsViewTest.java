package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LayerDetailsViewTest {

    private LayerTreeViewModel tree;

    @Start
    void start(Stage stage) {
        DiagnosedModel m = TestModels.loaded(Path.of("vae.keras"), TestModels.vaeTree(), List.of(), false);
        tree = new LayerTreeViewModel(new LayerIndex(m.model().root(), List.of()));
        LayerDetailsViewModel details = new LayerDetailsViewModel(tree, m.open().tensors());
        Scene scene = new Scene(new LayerDetailsView(details), 700, 700);
        scene.getStylesheets().add(KerasviewApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private void selectEncoderDense() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> tree.selectedLayerProperty().set(
                tree.index().root().children().get(0).children().get(0).node())).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsTheVariablesWithShapeDtypeSizeAndPath(FxRobot robot) throws Exception {
        selectEncoderDense();
        @SuppressWarnings("unchecked")
        TableView<dev.kerasview.model.VariableInfo> vars = robot.lookup("#variablesTable").queryAs(TableView.class);
        assertEquals(2, vars.getItems().size());
        assertTrue(robot.lookup("(784, 64)").tryQuery().isPresent());
        assertTrue(robot.lookup("196.0 KB").tryQuery().isPresent());
        assertTrue(robot.lookup("encoder/layers/dense/vars/0").tryQuery().isPresent());
    }

    @Test
    void theConfigurationShowsAsRowsAndAsPrettyJson(FxRobot robot) throws Exception {
        selectEncoderDense();
        robot.clickOn("Configuration");
        assertTrue(robot.lookup("\"relu\"").tryQuery().isPresent(), "values are JSON literals");
        assertTrue(robot.lookup("GlorotUniform").tryQuery().isPresent(), "a nested object shows its class");
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeTableView<ConfigEntry> config = robot.lookup("#configTable")
                .queryAs(javafx.scene.control.TreeTableView.class);
        WaitForAsyncUtils.asyncFx(() -> {
            var initializer = config.getRoot().getChildren().get(4);
            initializer.setExpanded(true);
            initializer.getChildren().get(2).setExpanded(true);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("null").tryQuery().isPresent(), "expanded, the seed reads null, not None");
        robot.clickOn("JSON");
        String json = robot.lookup("#rawConfig").queryAs(TextArea.class).getText();
        assertTrue(json.startsWith("{\n  \"name\" : \"encoder_dense\","), json);
    }

    @Test
    void selectingAVariableDrawsItsHistogram(FxRobot robot) throws Exception {
        selectEncoderDense();
        robot.clickOn("kernel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#histogram").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#histogram").queryAs(BarChart.class);
        assertEquals(StatisticsService.BINS, chart.getData().get(0).getData().size());
        assertEquals(784L * 64, chart.getData().get(0).getData().stream().mapToLong(d -> d.getYValue().longValue()).sum());
        assertTrue(robot.lookup("50,176").tryQuery().isPresent(), "the count is shown");
    }
}
