package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.FileFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** One-click conversion through the real converter, on a copy of a Keras-written fixture. */
@ExtendWith(ApplicationExtension.class)
class ConversionViewTest {

    @TempDir
    Path dir;

    /** Lets a test hold the real converter at its first progress report. */
    private final CountDownLatch atFirstProgress = new CountDownLatch(1);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private MainWindowViewModel viewModel;
    private Path mlp;

    @Start
    void start(Stage stage) {
        ModelConverter real = new CoreModelConverter();
        ModelConverter gated = (request, progress, cancel) -> real.convert(request, (done, total, item) -> {
            progress.update(done, total, item);
            atFirstProgress.countDown();
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, cancel);
        viewModel = new MainWindowViewModel(new CoreModelSource(), gated,
                new RecentFiles(Path.of(System.getProperty("java.io.tmpdir"), "kerasview-test-recent.txt")),
                (j, c) -> Optional.empty(), p -> { });
        Scene scene = new Scene(new MainWindowView(viewModel), 1280, 800);
        scene.getStylesheets().add(KerasviewApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void openCopyOfMlp() throws Exception {
        mlp = Files.copy(Path.of("src/test/resources/fixtures/mlp/mlp.keras"), dir.resolve("mlp.keras"),
                StandardCopyOption.REPLACE_EXISTING);
        WaitForAsyncUtils.asyncFx(() -> viewModel.open(List.of(mlp))).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> viewModel.selectedTabProperty().get().stateProperty().get() == ModelTabViewModel.State.LOADED);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void release() {
        gate.countDown();
    }

    private List<Path> filesInDir() throws Exception {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void theConvertButtonWritesAVerifiedH5AndSaysSo(FxRobot robot) throws Exception {
        robot.clickOn("#convertH5Button");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#conversionBanner").query().isVisible());
        String banner = robot.lookup("#conversionResult").queryAs(Label.class).getText();
        assertTrue(banner.startsWith("Converted to mlp.h5. Verified: "), banner);
        Path h5 = dir.resolve("mlp.h5");
        assertEquals(List.of(h5, mlp), filesInDir());
        System.out.println("banner: " + banner);
        try (OpenModel out = ModelReader.open(h5, null); OpenModel in = ModelReader.open(mlp, null)) {
            assertEquals(FileFormat.LEGACY_H5, out.model().format());
            assertEquals(in.model().root().parameterCount(), out.model().root().parameterCount());
        }
    }

    @Test
    void aKerasConversionOpensInItsOwnTabWithItsOwnVerdict(FxRobot robot) throws Exception {
        robot.clickOn("#layerTree");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#conversionBanner").query().isVisible());
        Path keras = dir.resolve("mlp-converted.keras");
        assertEquals(List.of(keras, mlp), filesInDir(), "beside the input, never over it");
        robot.clickOn("#openOutputButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.selectedTabProperty().get().file().equals(keras)
                && viewModel.selectedTabProperty().get().stateProperty().get() == ModelTabViewModel.State.LOADED);
        assertEquals(2, viewModel.tabs().size());
    }

    @Test
    void theShortcutConvertsToJsonWithWeightsBesideIt(FxRobot robot) throws Exception {
        robot.clickOn("#layerTree");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.J).release(KeyCode.J, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#conversionBanner").query().isVisible());
        assertEquals(List.of(dir.resolve("mlp.json"), mlp, dir.resolve("mlp_weights.h5")), filesInDir());
    }

    @Test
    void aSecondConversionShowsOnlyItsOwnResult(FxRobot robot) throws Exception {
        robot.clickOn("#convertH5Button");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#conversionBanner").query().isVisible());
        robot.clickOn("#convertH5Button");
        Label result = robot.lookup("#conversionResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> result.getText().startsWith("Converted to mlp-converted.h5."));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#conversionBanner").query().isVisible());
        assertFalse(robot.lookup("#conversionCancelledBanner").query().isVisible(), "no cancel message beside the result");
        assertEquals(List.of(dir.resolve("mlp-converted.h5"), dir.resolve("mlp.h5"), mlp), filesInDir());
    }

    @Test
    void cancelDuringTheConversionLeavesNoFileBehind(FxRobot robot) throws Exception {
        gate = new CountDownLatch(1);
        robot.clickOn("#convertH5Button");
        assertTrue(atFirstProgress.await(60, TimeUnit.SECONDS), "the converter reported progress");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#conversionRunning").query().isVisible());
        robot.clickOn("#cancelConversionButton");
        gate.countDown();
        ConversionViewModel conversion = viewModel.selectedTabProperty().get().conversion();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !conversion.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#conversionCancelledBanner").query().isVisible());
        assertEquals(List.of(mlp), filesInDir(), "no output and no temporary file");
    }
}
