package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kerasview.convert.ConversionTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Convert menu offers what the tab's buttons offer: the conversions that can help the file in front. */
@ExtendWith(ApplicationExtension.class)
class ConvertMenuViewTest {

    private MainWindowViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = RealWindow.show(stage, Path.of(System.getProperty("java.io.tmpdir"), "kerasview-test-recent.txt"));
    }

    private static List<String> enabled(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> out = new ArrayList<>();
        bar.getMenus().stream().filter(m -> m.getText().equals("Convert")).findFirst().orElseThrow()
                .getItems().stream().filter(i -> i.getId() != null && !i.isDisable()).map(MenuItem::getId)
                .forEach(out::add);
        return out;
    }

    private void open(String file) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> viewModel.open(List.of(Path.of(file)))).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !viewModel.selectedTabProperty().get()
                .usefulTargetsProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void nothingIsOfferedWithoutAFileAndTheUsefulFormsWithOne(FxRobot robot) throws Exception {
        assertEquals(List.of(), enabled(robot));

        open("src/test/resources/fixtures/mlp/mlp.h5");
        // a legacy .h5 converts to a Keras 3 archive only
        assertEquals(List.of("convert" + ConversionTarget.KERAS + "MenuItem", "convertAsMenuItem"), enabled(robot));

        open("src/test/resources/fixtures/mlp/mlp.keras");
        List<String> all = new ArrayList<>();
        for (ConversionTarget t : ConversionTarget.values()) {
            all.add("convert" + t + "MenuItem");
        }
        all.add("convertAsMenuItem");
        assertEquals(all, enabled(robot));
    }
}
