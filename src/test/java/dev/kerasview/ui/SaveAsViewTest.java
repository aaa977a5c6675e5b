package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.convert.ConversionTarget;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.FileFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.scene.control.Label;
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

/**
 * "Convert As…" and the read-only-folder fallback, through the real converter. The chooser stands
 * in for the Save dialog and for the file system's answer on the "installed" folder: CI runs as
 * root, for whom no folder is read-only.
 */
@ExtendWith(ApplicationExtension.class)
class SaveAsViewTest {

    @TempDir
    Path installed;
    @TempDir
    Path elsewhere;

    private final List<OutputChooser.Question> asked = new CopyOnWriteArrayList<>();
    private volatile Function<OutputChooser.Question, OutputChooser.Answer> answer = q -> null;
    private MainWindowViewModel viewModel;
    private Path mlp;

    @Start
    void start(Stage stage) {
        OutputChooser chooser = new OutputChooser() {
            @Override
            public Optional<Answer> choose(Question question) {
                asked.add(question);
                return Optional.ofNullable(answer.apply(question));
            }

            @Override
            public boolean canWriteTo(Path folder) {
                return !folder.equals(installed) && OutputChooser.super.canWriteTo(folder);
            }
        };
        viewModel = RealWindow.show(stage, new MainWindowViewModel(new CoreModelSource(), new CoreModelConverter(),
                new RecentFiles(Path.of(System.getProperty("java.io.tmpdir"), "kerasview-test-recent.txt")),
                (j, c) -> Optional.empty(), p -> { }, chooser));
    }

    @BeforeEach
    void openTheInstalledCopy() throws Exception {
        mlp = Files.copy(Path.of("src/test/resources/fixtures/mlp/mlp.keras"), installed.resolve("mlp.keras"));
        WaitForAsyncUtils.asyncFx(() -> viewModel.open(List.of(mlp))).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> viewModel.selectedTabProperty().get().stateProperty().get() == ModelTabViewModel.State.LOADED);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<Path> list(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aReadOnlyFolderAsksWhereToSaveAndWritesThere(FxRobot robot) throws Exception {
        answer = q -> new OutputChooser.Answer(elsewhere.resolve("mine.h5"), q.targets().get(0));
        robot.clickOn("#convertH5Button");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#conversionBanner").query().isVisible());

        assertEquals(1, asked.size());
        OutputChooser.Question q = asked.get(0);
        assertEquals(OutputChooser.Reason.FOLDER_READ_ONLY, q.reason());
        assertEquals(List.of(ConversionTarget.H5), q.targets());
        assertEquals(Path.of(System.getProperty("user.home")), q.suggested().getParent(),
                "the read-only folder is not offered");
        assertEquals("mlp.h5", q.suggested().getFileName().toString().replaceFirst("-converted(-\\d+)?", ""));
        assertEquals(List.of(mlp), list(installed), "nothing written beside the input");
        assertEquals(List.of(elsewhere.resolve("mine.h5")), list(elsewhere));
        String banner = robot.lookup("#conversionResult").queryAs(Label.class).getText();
        assertTrue(banner.startsWith("Converted to mine.h5. Verified: "), banner);
        try (OpenModel out = ModelReader.open(elsewhere.resolve("mine.h5"), null)) {
            assertEquals(FileFormat.LEGACY_H5, out.model().format());
        }
    }

    @Test
    void aCancelledSaveDialogWritesNothing(FxRobot robot) throws Exception {
        robot.clickOn("#convertH5Button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> asked.size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(mlp), list(installed));
        assertEquals(List.of(), list(elsewhere));
        assertTrue(!robot.lookup("#conversionRunning").query().isVisible());
    }

    @Test
    void convertAsOffersTheUsefulFormsAndReplacesWhatTheDialogConfirmed(FxRobot robot) throws Exception {
        List<ConversionTarget> useful = viewModel.selectedTabProperty().get().usefulTargetsProperty().get();
        ConversionTarget last = useful.get(useful.size() - 1);
        Path existing = Files.writeString(elsewhere.resolve("chosen" + OutputNames.suffix(last)),
                "an older file the dialog asked about");
        answer = q -> new OutputChooser.Answer(existing, last);
        robot.clickOn("#layerTree");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#conversionBanner").query().isVisible());

        OutputChooser.Question q = asked.get(0);
        assertEquals(OutputChooser.Reason.ASKED, q.reason());
        assertEquals(useful, q.targets());
        assertTrue(list(elsewhere).contains(existing));
        assertTrue(Files.size(existing) > 100, "the old file was replaced by the converted model");
        try (OpenModel out = ModelReader.open(existing, null)) {
            assertEquals(useful.size(), q.targets().size());
            assertTrue(out.model().root().parameterCount() > 0);
        }
    }

    @Test
    void aConversionForAnOlderKerasInAReadOnlyFolderAsksWhereToo(FxRobot robot) throws Exception {
        KerasRelease older = new KerasVersionTable().resolve("3.12").orElseThrow();
        answer = q -> new OutputChooser.Answer(elsewhere.resolve("mlp-for-3.12.keras"), q.targets().get(0));
        ConversionViewModel conversion = viewModel.selectedTabProperty().get().conversion();
        WaitForAsyncUtils.asyncFx(() -> conversion.convertFor(older)).get();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !conversion.successTextProperty().get().isEmpty()
                || !conversion.failureProperty().get().isEmpty() || !conversion.refusalProperty().get().isEmpty());

        assertEquals(1, asked.size());
        assertEquals(OutputChooser.Reason.FOLDER_READ_ONLY, asked.get(0).reason());
        assertEquals(List.of(ConversionTarget.KERAS), asked.get(0).targets());
        assertEquals("", conversion.failureProperty().get() + conversion.refusalProperty().get());
        assertEquals(List.of(mlp), list(installed), "nothing written beside the input");
        assertEquals(List.of(elsewhere.resolve("mlp-for-3.12.keras")), list(elsewhere));
    }
}
