package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowViewTest {

    @TempDir
    static Path dir;

    private MainWindowViewModel viewModel;
    private MainWindowView view;

    @Start
    void start(Stage stage) {
        ModelSource source = (file, weights) -> {
            if (file.getFileName().toString().startsWith("bad")) {
                throw new UnreadableFileException(file, "not a Keras model file: it starts with bytes 25 50 44 46 (a PDF?)");
            }
            return TestModels.loaded(file, TestModels.vaeTree(), TestModels.vaeFindings(), false);
        };
        viewModel = new MainWindowViewModel(source, (r, p, c) -> {
            throw new UnsupportedOperationException();
        }, new RecentFiles(dir.resolve("recent.txt")), (j, c) -> Optional.empty(), p -> { });
        view = new MainWindowView(viewModel);
        Scene scene = new Scene(view, 1100, 700);
        scene.getStylesheets().add(KerasviewApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void droppingFilesAnywhereOnTheWindowOpensEachInATab(FxRobot robot) throws Exception {
        boolean completed = WaitForAsyncUtils.asyncFx(() -> FileDrop.drop(robot.lookup(".empty-state").query(),
                List.of(dir.resolve("one.keras"), dir.resolve("two.h5")))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(completed);
        TabPane tabs = robot.lookup("#modelTabs").queryAs(TabPane.class);
        assertEquals(List.of("one.keras", "two.h5"), tabs.getTabs().stream().map(t -> t.getText()).toList());
        assertEquals("two.h5", tabs.getSelectionModel().getSelectedItem().getText());
        robot.lookup("#verdictLabel").queryAs(Label.class);

        // a second drop lands on a tab's content (the layer tree) and still opens
        WaitForAsyncUtils.asyncFx(() -> FileDrop.drop(robot.lookup("#layerTree").query(), List.of(dir.resolve("three.keras")))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, tabs.getTabs().size());
    }

    @Test
    void anUnreadableFileShowsTheReadersMessageInItsTab(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> viewModel.open(List.of(dir.resolve("bad.keras")))).get();
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#tabErrorMessage").tryQuery().isPresent());
        TextInputControl message = robot.lookup("#tabErrorMessage").queryAs(TextInputControl.class);
        assertEquals("bad.keras: not a Keras model file: it starts with bytes 25 50 44 46 (a PDF?)", message.getText());
    }

    @Test
    void shortcutsFindALayerAndCloseTheTab(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> viewModel.open(List.of(dir.resolve("vae.keras")))).get();
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#layerSearch").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField search = robot.lookup("#layerSearch").queryAs(TextField.class);
        assertTrue(search.isFocused());
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(viewModel.tabs().isEmpty());
        assertTrue(robot.lookup(".empty-state").query().isVisible());
    }
}
