package dev.kerasview.ui;

import dev.kerasview.convert.ConversionRequest;
import dev.kerasview.convert.ConversionTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FindingsViewTest {

    @TempDir
    static Path dir;

    private LayerTreeViewModel tree;
    private final List<ConversionRequest> requests = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        tree = new LayerTreeViewModel(new LayerIndex(TestModels.vaeTree(), TestModels.vaeFindings()));
        FindingsViewModel findings = new FindingsViewModel(TestModels.vaeFindings(), tree);
        Path input = Files.writeString(dir.resolve("vae.keras"), "");
        ConversionViewModel conversion = new ConversionViewModel(input, null, (r, p, c) -> {
            requests.add(r);
            return new ConversionOutcome(List.of(r.output()), "ok");
        }, p -> { });
        Scene scene = new Scene(new FindingsView(findings, conversion), 600, 600);
        scene.getStylesheets().add(KerasviewApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theFirstFindingIsShownWithCauseAndRemedies(FxRobot robot) {
        assertEquals("Layer 'z_mean' expected 2 variables, but received 0 variables during loading",
                robot.lookup("#findingMessage").queryAs(TextInputControl.class).getText());
        assertTrue(robot.lookup("• Convert to .h5 and load that file\n• Remove the direct references from the model's get_config")
                .tryQuery().isPresent());
        assertSame(tree.index().root().children().get(2).node(), tree.selectedLayerProperty().get());
    }

    @Test
    void clickingAFindingSelectsItsLayer(FxRobot robot) {
        robot.clickOn("z_log_var: Layer 'z_log_var' expected 2 variables, but received 0 variables during loading");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(tree.index().root().children().get(3).node(), tree.selectedLayerProperty().get());
        assertEquals("Same as z_mean.", robot.lookup(".finding-cause").queryAs(TextInputControl.class).getText());
    }

    @Test
    void theConversionIsOneClickAwayFromTheFinding(FxRobot robot) throws Exception {
        robot.clickOn(".finding-actions .button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !requests.isEmpty());
        assertEquals(ConversionTarget.H5, requests.get(0).target());
        assertEquals(dir.resolve("vae.h5"), requests.get(0).output());
    }
}
