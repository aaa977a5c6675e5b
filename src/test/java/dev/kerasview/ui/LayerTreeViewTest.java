package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LayerTreeViewTest {

    private LayerTreeViewModel vaeTree;
    private LayerTreeViewModel wideTree;

    @Start
    void start(Stage stage) {
        vaeTree = new LayerTreeViewModel(new LayerIndex(TestModels.vaeTree(), TestModels.vaeFindings()));
        wideTree = new LayerTreeViewModel(new LayerIndex(TestModels.wide(5000), List.of()));
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(new LayerTreeView(vaeTree), new LayerTreeView(wideTree));
        box.getChildren().get(1).setId("wide");
        Scene scene = new Scene(box, 1400, 600);
        scene.getStylesheets().add(KerasviewApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<LayerRow> table(FxRobot robot, int which) {
        return (TreeTableView<LayerRow>) robot.lookup("#layerTree").queryAll().toArray()[which];
    }

    private static List<String> shownNames(TreeTableView<LayerRow> t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.getExpandedItemCount(); i++) {
            out.add(t.getTreeItem(i).getValue().node().name());
        }
        return out;
    }

    @Test
    void failingLayersAreRedWithAnIconAndTheirParentsSaySomethingInsideFails(FxRobot robot) {
        TreeTableView<LayerRow> t = table(robot, 0);
        List<TreeTableRow<?>> failing = robot.lookup(".tree-table-row-cell").queryAll().stream()
                .<TreeTableRow<?>>map(n -> (TreeTableRow<?>) n).filter(r -> r.getItem() != null && r.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("status-fails"))).toList();
        assertEquals(List.of("z_mean", "z_log_var"), failing.stream().map(r -> ((LayerRow) r.getItem()).node().name()).toList());
        for (TreeTableRow<?> r : failing) {
            assertTrue(r.lookup(".icon-error") != null, "failing row has an error icon");
        }
        assertEquals("a layer inside fails · custom class", t.getRoot().getValue().statusText());
        assertTrue(robot.lookup(".tree-table-row-cell").queryAll().stream().anyMatch(r -> r.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("status-contains-failure"))));
    }

    @Test
    void typingInTheSearchFieldFiltersTheTreeAfterAShortPause(FxRobot robot) throws Exception {
        robot.clickOn("#layerSearch").write("log_var");
        // the whole text: under load the pause may pass mid-word and filter by "l" first
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> vaeTree.appliedFilterProperty().get().equals("log_var"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("vae", "encoder", "z_log_var", "z_log_var"), shownNames(table(robot, 0)));
        robot.eraseText(7);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !vaeTree.filtered());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, shownNames(table(robot, 0)).size());
    }

    @Test
    @Timing
    void searchingFiveThousandLayersStaysResponsive(FxRobot robot) throws Exception {
        TreeTableView<LayerRow> t = table(robot, 1);
        TreeItem<LayerRow> fullRoot = t.getRoot();
        WaitForAsyncUtils.waitForFxEvents();
        // warm the JIT first: the first passes through JavaFX's tree code are several times slower
        for (int i = 0; i < 3; i++) {
            String text = "dense_" + i;
            WaitForAsyncUtils.asyncFx(() -> {
                wideTree.applyFilter(text);
                t.layout();
                wideTree.applyFilter("");
                t.layout();
            }).get();
        }
        double ms = WaitForAsyncUtils.asyncFx(() -> {
            long start = System.nanoTime();
            wideTree.applyFilter("conv");
            t.layout();
            return (System.nanoTime() - start) / 1e6;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf("filter + tree rebuild + layout, 5000 layers: %.1f ms%n", ms);
        assertEquals(51, t.getExpandedItemCount());
        // a generous bound: this catches quadratic work, not scheduling noise on a shared 2-core
        // machine; the filter itself has a tight bound in LayerTreeViewModelTest
        assertTrue(ms < 1000, "filtering took " + ms + " ms");
        // only the rows on screen have cells: the tree is virtualized
        assertTrue(robot.lookup("#wide .tree-table-row-cell").queryAll().size() < 100);
        double back = WaitForAsyncUtils.asyncFx(() -> {
            long start = System.nanoTime();
            wideTree.applyFilter("");
            t.layout();
            return (System.nanoTime() - start) / 1e6;
        }).get();
        System.out.printf("clearing the filter, 5000 layers: %.1f ms%n", back);
        assertTrue(back < 1000, "clearing took " + back + " ms");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(fullRoot, t.getRoot(), "the unfiltered tree's items are built once and reused");
        assertEquals(5001, t.getExpandedItemCount());
    }

    @Test
    void selectingALayerInTheModelSelectsAndRevealsItsRow(FxRobot robot) throws Exception {
        var zMeanRef = vaeTree.index().root().children().get(2).node();
        WaitForAsyncUtils.asyncFx(() -> vaeTree.selectedLayerProperty().set(zMeanRef)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(zMeanRef, table(robot, 0).getSelectionModel().getSelectedItem().getValue().node());
    }
}
