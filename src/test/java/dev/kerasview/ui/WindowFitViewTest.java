package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** On a 1366×768 screen the first window shows the menu bar, the variables and the whole histogram. */
@ExtendWith(ApplicationExtension.class)
class WindowFitViewTest {

    @TempDir
    static Path dir;

    private MainWindowViewModel viewModel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        ModelSource source = (file, weights) -> TestModels.loaded(file, TestModels.vaeTree(),
                file.getFileName().toString().startsWith("clean") ? List.of() : TestModels.vaeFindings(), false);
        viewModel = TestWindow.viewModel(source, TestWindow.noConverter(), dir.resolve("recent.txt"));
        WindowGeometry g = WindowGeometry.place(null, List.of(new Rectangle2D(0, 28, 1366, 740)));
        // the scene gets the window's size less a title bar, as a window manager would give it
        scene = TestWindow.show(stage, new MainWindowView(viewModel), g.width(), g.height() - 30);
    }

    private void open(String name) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> viewModel.open(List.of(dir.resolve(name)))).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.selectedTabProperty().get().checkedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean inScene(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= scene.getWidth() + 0.5 && b.getMaxY() <= scene.getHeight() + 0.5;
    }

    @Test
    void theMenuBarTheVariablesAndTheHistogramAllShow(FxRobot robot) throws Exception {
        open("vae.keras");
        assertTrue(inScene(robot.lookup(".menu-bar").queryAs(MenuBar.class)), "the menu bar is on the screen");
        robot.clickOn("encoder_dense");
        robot.clickOn("kernel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#histogram").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> variables = robot.lookup("#variablesTable").queryAs(TableView.class);
        long rowsShown = robot.from(variables).lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> !r.isEmpty() && inScene(r)).count();
        assertEquals(2, rowsShown, "both variables of the layer are shown");
        Node histogram = robot.lookup("#histogram").query();
        assertTrue(inScene(histogram), "the histogram is not cut off: " + histogram.localToScene(histogram.getBoundsInLocal()));
        assertTrue(histogram.getLayoutBounds().getHeight() >= 120, "the histogram has room: " + histogram.getLayoutBounds());
    }

    @Test
    void nothingToReportTakesOneLine(FxRobot robot) throws Exception {
        open("clean.keras");
        Node findings = robot.lookup(".findings-view").query();
        assertTrue(findings.getLayoutBounds().getHeight() < 60, "findings pane height " + findings.getLayoutBounds().getHeight());
        assertTrue(robot.lookup("#noFindings").tryQuery().isPresent());
    }
}
