package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The notes the command line prints after a conversion appear in the window, as text that can be
 * copied: Keras's VAE whose z_mean weights sit under the encoder says where it found them.
 */
@ExtendWith(ApplicationExtension.class)
class ConversionNotesViewTest {

    @TempDir
    Path dir;

    private MainWindowViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = RealWindow.show(stage, Path.of(System.getProperty("java.io.tmpdir"), "kerasview-test-recent.txt"));
    }

    @Test
    void theVaesConversionSaysWhereItFoundTheSharedWeights(FxRobot robot) throws Exception {
        Path vae = Files.copy(Path.of("src/test/resources/fixtures/vae/vae.keras"), dir.resolve("vae.keras"));
        WaitForAsyncUtils.asyncFx(() -> viewModel.open(List.of(vae))).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.selectedTabProperty().get() != null
                && viewModel.selectedTabProperty().get().checkedProperty().get() != null);

        // Keras refuses the VAE even with its classes; the conversion mends it and names those classes
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#convertKERASButton").tryQuery().filter(b -> b.isVisible()).isPresent());
        robot.clickOn("#convertKERASButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#conversionBanner").query().isVisible());

        TextArea notes = robot.lookup("#conversionNotes").queryAs(TextArea.class);
        assertTrue(notes.isVisible());
        assertTrue(notes.getText().contains(
                "layer 'z_mean' shares the weights stored once at encoder/layers/dense_1"), notes.getText());
        assertTrue(notes.getText().contains("vae>VAE, vae>Sampling"), notes.getText());
        assertTrue(!notes.isEditable());
        WaitForAsyncUtils.asyncFx(notes::selectAll).get();
        assertEquals(notes.getText(), notes.getSelectedText(), "the notes can be selected and copied");
    }
}
