package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.model.LayerNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.BreadCrumbBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** ControlsFX in the layer tree: the selected layer's path as bread crumbs, and a search field that clears. */
@ExtendWith(ApplicationExtension.class)
class LayerPathViewTest {

    private LayerTreeViewModel vaeTree;

    @Start
    void start(Stage stage) {
        vaeTree = new LayerTreeViewModel(new LayerIndex(TestModels.vaeTree(), TestModels.vaeFindings()));
        Scene scene = new Scene(new LayerTreeView(vaeTree), 700, 600);
        scene.getStylesheets().add(KerasviewApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private static LayerNode find(LayerNode node, String name) {
        if (node.name().equals(name)) {
            return node;
        }
        for (LayerNode c : node.children()) {
            LayerNode f = find(c, name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static List<String> crumbs(FxRobot robot) {
        return robot.lookup("#layerPath").lookup(".crumb").queryAll().stream()
                .filter(Node::isVisible).map(n -> ((Button) n).getText()).toList();
    }

    @Test
    void theSelectedLayersPathShowsAsCrumbsAndACrumbSelectsItsLayer(FxRobot robot) throws Exception {
        assertFalse(robot.lookup("#layerPath").query().isVisible(), "no selection, no path");
        WaitForAsyncUtils.asyncFx(() -> vaeTree.selectedLayerProperty().set(find(vaeTree.index().root().node(), "z_mean")))
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#layerPath").query().isVisible());
        List<String> path = crumbs(robot);
        assertEquals("z_mean", path.get(path.size() - 1), path.toString());
        assertEquals("vae", path.get(0), path.toString());
        assertTrue(path.contains("encoder"), path.toString());

        robot.clickOn((Node) robot.lookup("#layerPath").lookup(".crumb").queryAll().stream()
                .filter(n -> "encoder".equals(((Button) n).getText())).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("encoder", vaeTree.selectedLayerProperty().get().name());
    }

    @Test
    void theSearchFieldsClearButtonShowsTheWholeTreeAgain(FxRobot robot) throws Exception {
        robot.clickOn("#layerSearch").write("log_var");
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> vaeTree.appliedFilterProperty().get().equals("log_var"));
        TextField search = robot.lookup("#layerSearch").queryAs(TextField.class);
        Node clear = search.lookup(".clear-button");
        assertTrue(clear != null, "ControlsFX's clearable field has a clear button");
        robot.clickOn(clear);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !vaeTree.filtered());
        assertEquals("", search.getText());
    }

    @Test
    void theBreadCrumbBarIsControlsFxs(FxRobot robot) {
        assertTrue(robot.lookup("#layerPath").query() instanceof BreadCrumbBar<?>);
    }
}
