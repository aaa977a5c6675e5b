package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/** Quitting or closing the tab during a conversion cancels it and leaves the folder as it was. */
@ExtendWith(ApplicationExtension.class)
class QuitDuringConversionViewTest {

    @TempDir
    Path dir;

    private final BlockingConverter converter = new BlockingConverter();
    private MainWindowViewModel viewModel;
    private Stage stage;
    private Path model;
    private List<Path> before;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        viewModel = TestWindow.viewModel(TestWindow.vae(), converter,
                Path.of(System.getProperty("java.io.tmpdir"), "kerasview-test-recent.txt"));
        TestWindow.show(stage, new MainWindowView(viewModel), 1100, 700);
    }

    @BeforeEach
    void convertingAModel(FxRobot robot) throws Exception {
        model = Files.write(dir.resolve("vae.keras"), new byte[] {'P', 'K', 3, 4});
        before = listing();
        WaitForAsyncUtils.asyncFx(() -> viewModel.open(List.of(model))).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> viewModel.tabs().get(0).stateProperty().get() == ModelTabViewModel.State.LOADED);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#convertH5Button");
        assertTrue(converter.writing.await(20, TimeUnit.SECONDS), "the conversion wrote its temporary file");
        assertEquals(2, listing().size(), "a hidden temporary file beside the model while converting");
    }

    private List<Path> listing() throws Exception {
        return TestWindow.listing(dir);
    }

    @Test
    void quitAsksCancelsRemovesTheTemporaryFileThenCloses(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("A conversion is running. Cancel it and quit?").tryQuery().isPresent());
        assertTrue(stage.isShowing(), "nothing closes before the person answers");
        robot.clickOn("Cancel conversion and quit");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !stage.isShowing());
        assertEquals(0, converter.returned.getCount(), "the window closed only after the converter returned");
        assertEquals(before, listing());
    }

    @Test
    void keepConvertingLeavesTheWindowAndTheConversionAlone(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Keep converting").tryQuery().isPresent());
        robot.clickOn("Keep converting");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing());
        assertEquals(1, converter.returned.getCount(), "still converting");
        WaitForAsyncUtils.asyncFx(() -> viewModel.tabs().get(0).conversion().cancel()).get();
        assertTrue(converter.returned.await(20, TimeUnit.SECONDS));
    }

    @Test
    void closingTheTabAsksCancelsAndRemovesTheTemporaryFile(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("A conversion is running. Cancel it and close the tab?").tryQuery().isPresent());
        robot.clickOn("Cancel conversion and close");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.tabs().isEmpty());
        assertEquals(0, converter.returned.getCount(), "the tab closed only after the converter returned");
        assertEquals(before, listing());
    }
}
