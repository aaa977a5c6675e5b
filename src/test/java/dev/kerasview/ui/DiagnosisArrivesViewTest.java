package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.OpenModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** On the real reader and diagnoser, with the diagnosis held back: the tree first, the red rows after. */
@ExtendWith(ApplicationExtension.class)
class DiagnosisArrivesViewTest {

    private static final Path VAE = Path.of("src/test/resources/fixtures/vae/vae.keras");
    private static final PseudoClass FAILS = PseudoClass.getPseudoClass(LayerStatus.FAILS.pseudoClass());

    @TempDir
    static Path dir;

    private final CountDownLatch release = new CountDownLatch(1);
    private MainWindowViewModel viewModel;

    @Start
    void start(Stage stage) {
        ModelSource core = new CoreModelSource();
        ModelSource held = (file, weights) -> {
            ReadModel read = core.open(file, weights);
            return new ReadModel() {
                @Override
                public OpenModel open() {
                    return read.open();
                }

                @Override
                public DiagnosedModel diagnose() {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return read.diagnose();
                }

                @Override
                public void close() {
                    read.close();
                }
            };
        };
        viewModel = new MainWindowViewModel(held, new CoreModelConverter(),
                new RecentFiles(dir.resolve("recent.txt")), (j, c) -> Optional.empty(), p -> { });
        Scene scene = new Scene(new MainWindowView(viewModel), 1280, 800);
        scene.getStylesheets().add(KerasviewApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void letGo() {
        release.countDown();
    }

    /** Looked up on the FX thread: the rows change there while the diagnosis arrives. */
    private static List<Node> redRows(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(".tree-table-row-cell").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(FAILS)).toList()).get();
    }

    @Test
    void theTreeShowsWhileKerasLoadingIsCheckedAndTheFailingLayersTurnRedAfterwards(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> viewModel.open(List.of(VAE))).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#layerTree").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TreeTableView<LayerRow> tree = robot.lookup("#layerTree").queryAs(TreeTableView.class);
        assertTrue(tree.getExpandedItemCount() > 3, "rows shown: " + tree.getExpandedItemCount());
        assertEquals("Checking whether Keras loads this file …", robot.lookup("#verdictLabel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#diagnosingIndicator").tryQuery().isPresent());
        assertEquals(List.of(), redRows(robot));
        TreeItem<LayerRow> first = tree.getRoot().getChildren().get(0);
        WaitForAsyncUtils.asyncFx(() -> tree.getSelectionModel().select(first)).get();

        release.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !redRows(robot).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, redRows(robot).size());
        for (Node row : redRows(robot)) {
            assertTrue(row.lookup(".icon-error") != null);
        }
        assertEquals("Keras will fail to load this file: 2 layers", robot.lookup("#verdictLabel").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#diagnosingIndicator").tryQuery().isPresent());
        assertTrue(robot.lookup("#findingsList").tryQuery().isPresent());
        // what the person selected meanwhile stays selected
        assertEquals(first.getValue().node(), tree.getSelectionModel().getSelectedItem().getValue().node());
    }
}
