package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** Help › About and Help › Show Log, and the log receiving what nothing else caught. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuViewTest {

    @TempDir
    static Path dir;

    private LogFile log;

    @Start
    void start(Stage stage) {
        log = new LogFile(dir.resolve("state").resolve("kerasview.log"));
        MainWindowViewModel viewModel = TestWindow.viewModel(TestWindow.vae(), TestWindow.noConverter(), dir.resolve("recent.txt"));
        TestWindow.show(stage, new MainWindowView(viewModel, log), 1000, 700);
    }

    private String dialogText(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
        return robot.lookup(id).queryAs(TextArea.class).getText();
    }

    @Test
    void aboutNamesTheVersionTheKerasModelledAndTheLicences(FxRobot robot) throws Exception {
        robot.clickOn("Help").clickOn("About kerasview");
        String text = dialogText(robot, "#aboutText");
        assertTrue(text.startsWith("kerasview 0.1.0\n"), text);
        assertTrue(text.contains("Keras 3.15.1"), text);
        assertTrue(text.contains("OpenJFX 21 — GPL 2.0 with the Classpath Exception"), text);
        assertTrue(text.contains("ControlsFX 11 — BSD 3-Clause"), text);
    }

    @Test
    void anUncaughtErrorGoesToTheLogWhichTheHelpMenuShows(FxRobot robot) throws Exception {
        new UncaughtErrorHandler(message -> { }, log).uncaughtException(Thread.currentThread(),
                new IllegalStateException("index 7 out of range"));
        String written = Files.readString(log.file());
        assertTrue(written.contains("java.lang.IllegalStateException: index 7 out of range\n\tat "), written);
        robot.clickOn("Help").clickOn("Show Log");
        assertEquals(written, dialogText(robot, "#logText"));
    }

    @Test
    void theLogLivesInTheStateFolder() {
        assertEquals(StateFolder.forCurrentUser().resolve("kerasview.log"), LogFile.forCurrentUser().file());
    }
}
