package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.diagnose.CompatibilityChecker;
import dev.kerasview.diagnose.CompatibilitySummary;
import dev.kerasview.diagnose.Diagnoser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The compatibility strip of a tab over the real reader and diagnoser. */
@ExtendWith(ApplicationExtension.class)
class CompatibilityStripViewTest {

    /** Saved by Keras 3.13.2: loads from 3.13 on, fails before (../shared/compat/MATRIX.tsv). */
    private static final Path FILE = Path.of("src/test/resources/compat/saved-by/3.13.2/mlp.keras");

    @TempDir
    static Path dir;

    private MainWindowViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = RealWindow.show(stage, dir.resolve("recent.txt"));
    }

    @Test
    void theStripUnderTheVerdictSaysWhichKerasVersionsLoadTheFile(FxRobot robot) throws Exception {
        Path file = Files.copy(FILE, dir.resolve("strip.keras"), StandardCopyOption.REPLACE_EXISTING);
        WaitForAsyncUtils.asyncFx(() -> viewModel.open(List.of(file))).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#compatibilityLine").tryQuery()
                .map(n -> !((Label) n).getText().isEmpty()).orElse(false));
        Label line = robot.lookup("#compatibilityLine").queryAs(Label.class);
        CompatibilitySummary expected = CompatibilitySummary.of(new CompatibilityChecker(new KerasVersionTable())
                .check(FILE, null, Duration.ofSeconds(30)));
        assertFalse(expected.everyVersion(), "Keras 3.12 and older fail on this file");
        assertEquals(expected.line(), line.getText());

        // The action writes <stem>-keras<V>.keras beside the file, which that version's replay loads.
        KerasVersionTable versions = new KerasVersionTable();
        KerasRelease target = versions.resolve(expected.convertTarget().orElseThrow().toString()).orElseThrow();
        Button convert = robot.lookup("#convertForOlderKerasButton").queryAs(Button.class);
        assertEquals("Convert for Keras " + CompatibilitySummary.minor(target.version()) + "…", convert.getText());
        robot.clickOn(convert);
        Path out = dir.resolve("strip-keras" + CompatibilitySummary.minor(target.version()) + ".keras");
        ModelTabViewModel tab = viewModel.selectedTabProperty().get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !tab.conversion().successTextProperty().get().isEmpty()
                || !tab.conversion().failureProperty().get().isEmpty() || !tab.conversion().refusalProperty().get().isEmpty());
        assertEquals("", tab.conversion().failureProperty().get() + tab.conversion().refusalProperty().get());
        assertTrue(Files.exists(out), out.toString());
        assertTrue(new Diagnoser(versions, target).diagnose(out, null).loads(), "Keras " + target.version()
                + "'s replay loads the output");
    }
}
