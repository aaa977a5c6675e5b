package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A tab over the real reader and diagnoser, opened on Keras-written fixtures. */
@ExtendWith(ApplicationExtension.class)
class ModelTabViewTest {

    private static final Path VAE = Path.of("src/test/resources/fixtures/vae/vae.keras");
    private static final PseudoClass FAILS = PseudoClass.getPseudoClass(LayerStatus.FAILS.pseudoClass());

    @TempDir
    static Path dir;

    private MainWindowViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = RealWindow.show(stage, dir.resolve("recent.txt"));
    }

    private void open(FxRobot robot, Path file) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> viewModel.open(List.of(file))).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.selectedTabProperty().get() != null
                && viewModel.selectedTabProperty().get().stateProperty().get() != ModelTabViewModel.State.LOADING);
        waitForDiagnosis();
    }

    /** The tree shows before the diagnosis is done; the verdict and highlights follow it. */
    private void waitForDiagnosis() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            ModelTabViewModel tab = viewModel.selectedTabProperty().get();
            return tab.stateProperty().get() == ModelTabViewModel.State.FAILED || tab.checkedProperty().get() != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<LayerRow> tree(FxRobot robot) {
        return robot.lookup("#layerTree").queryAs(TreeTableView.class);
    }

    private static List<TreeItem<LayerRow>> items(TreeItem<LayerRow> item, List<TreeItem<LayerRow>> out) {
        out.add(item);
        item.getChildren().forEach(c -> items(c, out));
        return out;
    }

    @Test
    void theVaeFixtureShowsZMeanAndZLogVarFailingInRedWithAnIcon(FxRobot robot) throws Exception {
        open(robot, VAE);
        assertEquals(ModelTabViewModel.State.LOADED, viewModel.selectedTabProperty().get().stateProperty().get());
        List<TreeItem<LayerRow>> all = items(tree(robot).getRoot(), new ArrayList<>());
        List<String> failing = all.stream().filter(i -> i.getValue().status() == LayerStatus.FAILS)
                .map(i -> i.getValue().node().name()).toList();
        assertEquals(List.of("z_mean", "z_log_var"), failing);
        assertEquals(LayerStatus.CONTAINS_FAILURE, tree(robot).getRoot().getValue().status());

        // on screen: the failing rows carry the red pseudo-class and an error icon
        List<Node> redRows = robot.lookup(".tree-table-row-cell").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(FAILS)).toList();
        assertEquals(2, redRows.size());
        for (Node row : redRows) {
            assertTrue(row.lookup(".icon-error") != null);
        }
        Label verdict = robot.lookup("#verdictLabel").queryAs(Label.class);
        assertEquals("Keras will fail to load this file: 2 layers", verdict.getText());
        assertTrue(verdict.getStyleClass().contains("verdict-fails"));
        assertTrue(robot.lookup("#statusBar").queryAs(javafx.scene.layout.HBox.class).getChildren().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().equals("Keras 3.15.1")));
    }

    @Test
    void selectingAFindingSelectsItsLayerAndShowsKerasMessage(FxRobot robot) throws Exception {
        open(robot, VAE);
        @SuppressWarnings("unchecked")
        ListView<Finding> findings = robot.lookup("#findingsList").queryAs(ListView.class);
        int zLogVar = -1;
        for (int i = 0; i < findings.getItems().size(); i++) {
            if ("z_log_var".equals(findings.getItems().get(i).layer())) {
                zLogVar = i;
            }
        }
        int index = zLogVar;
        WaitForAsyncUtils.asyncFx(() -> findings.getSelectionModel().select(index)).get();
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<LayerRow> selected = tree(robot).getSelectionModel().getSelectedItem();
        assertEquals("z_log_var", selected.getValue().node().name());
        assertEquals(LayerStatus.FAILS, selected.getValue().status());
        assertTrue(robot.lookup("#findingMessage").queryAs(TextInputControl.class).getText()
                .startsWith("Layer 'z_log_var' expected 2 variables, but received 0 variables"));
        assertEquals("z_log_var", robot.lookup("#detailsTitle").queryAs(Label.class).getText());
    }

    @Test
    void droppingAnUnzippedKerasFolderOpensIt(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mlp_unzipped"));
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(Path.of("src/test/resources/fixtures/mlp/mlp.keras")))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = folder.resolve(e.getName());
                Files.createDirectories(target.getParent());
                if (!e.isDirectory()) {
                    Files.copy(zip, target);
                }
            }
        }
        boolean dropped = WaitForAsyncUtils.asyncFx(() -> FileDrop.drop(robot.lookup(".empty-state").query(), List.of(folder))).get();
        assertTrue(dropped);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.selectedTabProperty().get() != null
                && viewModel.selectedTabProperty().get().stateProperty().get() == ModelTabViewModel.State.LOADED);
        waitForDiagnosis();
        assertEquals(dev.kerasview.model.FileFormat.KERAS_DIRECTORY,
                viewModel.selectedTabProperty().get().loadedProperty().get().model().model().format());
        assertEquals("Loads in Keras", robot.lookup("#verdictLabel").queryAs(Label.class).getText());
    }

    @Test
    void aLoadableModelSaysSoInGreen(FxRobot robot) throws Exception {
        open(robot, Path.of("src/test/resources/fixtures/mlp/mlp.keras"));
        Label verdict = robot.lookup("#verdictLabel").queryAs(Label.class);
        assertEquals("Loads in Keras", verdict.getText());
        assertTrue(verdict.getStyleClass().contains("verdict-loads"));
        assertNull(items(tree(robot).getRoot(), new ArrayList<>()).stream()
                .filter(i -> i.getValue().status().failing()).findFirst().orElse(null));
    }

    @Test
    void aTruncatedArchiveShowsTheReadersMessageNotATrace(FxRobot robot) throws Exception {
        open(robot, Path.of("src/test/resources/fixtures/broken_truncated/broken_truncated.keras"));
        String message = robot.lookup("#tabErrorMessage").queryAs(javafx.scene.control.TextInputControl.class).getText();
        assertTrue(message.startsWith("broken_truncated.keras: "), message);
        assertTrue(!message.contains("Exception") && !message.contains("\tat "), message);
    }

    @Test
    void aFileThatIsNoModelShowsAReadableMessage(FxRobot robot) throws Exception {
        Path pdf = Files.writeString(dir.resolve("paper.keras"), "%PDF-1.7 not a model");
        open(robot, pdf);
        String message = robot.lookup("#tabErrorMessage").queryAs(javafx.scene.control.TextInputControl.class).getText();
        assertTrue(message.startsWith("paper.keras: "), message);
        assertTrue(message.contains("not a Keras model"), message);
    }

    @Test
    void selectingAVariableShowsItsStatisticsAndHistogram(FxRobot robot) throws Exception {
        open(robot, Path.of("src/test/resources/fixtures/mlp/mlp.keras"));
        TreeTableView<LayerRow> t = tree(robot);
        TreeItem<LayerRow> dense = items(t.getRoot(), new ArrayList<>()).stream()
                .filter(i -> i.getValue().node().name().equals("dense_hidden")).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> t.getSelectionModel().select(dense)).get();
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<dev.kerasview.model.VariableInfo> vars =
                robot.lookup("#variablesTable").queryAs(javafx.scene.control.TableView.class);
        assertEquals(List.of("kernel", "bias"), vars.getItems().stream().map(v -> v.name()).toList());
        WaitForAsyncUtils.asyncFx(() -> vars.getSelectionModel().select(0)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#histogram").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.chart.BarChart<String, Number> chart = robot.lookup("#histogram").queryAs(javafx.scene.chart.BarChart.class);
        long total = chart.getData().get(0).getData().stream().mapToLong(d -> d.getYValue().longValue()).sum();
        assertEquals(vars.getItems().get(0).elementCount(), total);
    }

    /** The ids of the conversion buttons the open tab shows, in order, and which one is accented. */
    private static List<String> conversionButtons(FxRobot robot) {
        return robot.lookup(".tab-header .button").queryAll().stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("convert") && n.isVisible())
                .map(n -> n.getId() + (n.getStyleClass().contains("accent") ? "*" : ""))
                .toList();
    }

    private void closeSelectedTab() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> viewModel.close(viewModel.selectedTabProperty().get())).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void onlyTheConversionsThatCanHelpAreOffered(FxRobot robot) throws Exception {
        open(robot, VAE);
        assertEquals(List.of("convertKERASButton*", "convertH5Button", "convertJSONButton"),
                conversionButtons(robot), "a Keras 3 archive converts to every form, .keras first");
        closeSelectedTab();
        open(robot, Path.of("src/test/resources/fixtures/compiled_trained/compiled_trained.h5").toAbsolutePath());
        assertEquals(List.of("convertKERASButton*"), conversionButtons(robot),
                "a legacy file converts to Keras 3 only");
        closeSelectedTab();
        open(robot, Path.of("src/test/resources/fixtures/mlp/mlp.weights.h5").toAbsolutePath());
        assertEquals(List.of(), conversionButtons(robot), "weights alone convert to nothing");
    }

    @Test
    void aFileNeedingThePersonsCodeShowsAnAmberVerdictNamingIt(FxRobot robot) throws Exception {
        open(robot, Path.of("src/test/resources/fixtures/broken_unregistered_class/broken_unregistered_class.keras")
                .toAbsolutePath());
        javafx.scene.control.Label headline = robot.lookup("#verdictLabel").queryAs(javafx.scene.control.Label.class);
        assertEquals("Loads if your code registers demo>NotRegisteredLayer", headline.getText());
        assertTrue(headline.getStyleClass().contains("verdict-needs-code"), headline.getStyleClass().toString());
        assertTrue(robot.lookup(".tab .icon-warning").tryQuery().isPresent(), "the tab's icon is the warning, not the check");
        assertEquals(List.of(), conversionButtons(robot), "a conversion cannot supply the person's own class");
        closeSelectedTab();
        open(robot, VAE);
        javafx.scene.control.Label failing = robot.lookup("#verdictLabel").queryAs(javafx.scene.control.Label.class);
        assertTrue(failing.getStyleClass().contains("verdict-fails"), "a failing file stays red");
        for (String button : List.of("#convertKERASButton", "#convertH5Button", "#convertJSONButton")) {
            javafx.scene.control.Button b = robot.lookup(button).queryAs(javafx.scene.control.Button.class);
            assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, button + " keeps its whole label beside a long verdict");
        }
    }
}
