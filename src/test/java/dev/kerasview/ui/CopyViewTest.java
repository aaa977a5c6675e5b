package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Rows, messages and the whole diagnosis can be copied. */
@ExtendWith(ApplicationExtension.class)
class CopyViewTest {

    @TempDir
    static Path dir;

    private MainWindowViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = TestWindow.viewModel(TestWindow.vae(), TestWindow.noConverter(), dir.resolve("recent.txt"));
        TestWindow.show(stage, new MainWindowView(viewModel), 1280, 800);
    }

    @BeforeEach
    void openTheVae() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Clipboard.getSystemClipboard().clear();
            viewModel.open(List.of(dir.resolve("vae.keras")));
        }).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.selectedTabProperty().get().checkedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    }

    private static void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlCCopiesTheSelectedLayerRow(FxRobot robot) throws Exception {
        robot.clickOn("encoder_dense");
        ctrl(robot, KeyCode.C);
        assertEquals("encoder_dense\tDense\t(None, 2)\tencoder/layers/dense", clipboard());
    }

    @Test
    void theContextMenuCopiesTheSelectedVariableRow(FxRobot robot) throws Exception {
        robot.clickOn("encoder_dense");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> variables = robot.lookup("#variablesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> variables.getItems().size() == 2);
        robot.clickOn("kernel");
        // the row's context menu, fired as a click on it would (Monocle shows no popup to a right click)
        WaitForAsyncUtils.asyncFx(() -> {
            assertEquals("Copy", variables.getContextMenu().getItems().get(0).getText());
            variables.getContextMenu().getItems().get(0).fire();
        }).get();
        assertEquals("kernel\t(784, 64)\tfloat32\tencoder/layers/dense/vars/0", clipboard());
    }

    @Test
    void theFindingsMessageIsSelectableText(FxRobot robot) throws Exception {
        TextInputControl message = robot.lookup("#findingMessage").queryAs(TextInputControl.class);
        assertFalse(message.isEditable());
        robot.clickOn(message);
        ctrl(robot, KeyCode.A);
        ctrl(robot, KeyCode.C);
        assertEquals("Layer 'z_mean' expected 2 variables, but received 0 variables during loading", clipboard());
    }

    @Test
    void copyReportPutsTheWholeDiagnosisAsMarkdownOnTheClipboard(FxRobot robot) throws Exception {
        robot.clickOn("#copyReportButton");
        WaitForAsyncUtils.waitForFxEvents();
        String report = clipboard();
        assertTrue(report.startsWith("## kerasview diagnosis of `vae.keras`\n"), report);
        assertTrue(report.contains("- Verdict: **Keras will fail to load this file"), report);
        assertTrue(report.contains("#### error `VARIABLE_COUNT` in layer `z_mean`\n\n```\n"
                + "Layer 'z_mean' expected 2 variables, but received 0 variables during loading\n```\n"), report);
        assertTrue(report.contains("- Convert to .h5 and load that file\n"), report);
        assertEquals(4, report.split("\n#### ", -1).length - 1, "every finding is in the report");
    }
}
