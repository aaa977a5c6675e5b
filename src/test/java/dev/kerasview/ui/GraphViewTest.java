package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.model.LayerNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/** The graph tab over the real reader, diagnoser and layout engine, on a Keras-written VAE. */
@ExtendWith(ApplicationExtension.class)
class GraphViewTest {

    private static final Path VAE = Path.of("src/test/resources/fixtures/vae/vae.keras");

    @TempDir
    static Path dir;

    private MainWindowViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = RealWindow.show(stage, dir.resolve("recent.txt"));
    }

    /** Opens the VAE, waits for its diagnosis, opens the graph tab and waits for the first layout. */
    private GraphViewModel openGraph(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> viewModel.open(List.of(VAE))).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            ModelTabViewModel tab = viewModel.selectedTabProperty().get();
            return tab != null && tab.checkedProperty().get() != null;
        });
        GraphViewModel graph = viewModel.selectedTabProperty().get().loadedProperty().get().graph();
        robot.clickOn("Graph");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> graph.sceneProperty().get() != null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#graphCanvas").query().getProperties().get(GraphCanvas.FRAMES) != null);
        return graph;
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<LayerRow> tree(FxRobot robot) {
        return robot.lookup("#layerTree").queryAs(TreeTableView.class);
    }

    @Test
    void clickingAFailingNodeSelectsItsRowInTheTreeAndTheTreeLeadsTheGraphBack(FxRobot robot) throws Exception {
        GraphViewModel graph = openGraph(robot);
        GraphScene scene = graph.sceneProperty().get();
        LayerTreeViewModel treeModel = viewModel.selectedTabProperty().get().loadedProperty().get().tree();
        // the failing layers of the diagnosis, as the tree marks them
        GraphLayout.Box failing = scene.layout().boxes().stream()
                .filter(b -> !b.node().group() && graph.look(b.node()).status() == LayerStatus.FAILS)
                .findFirst().orElseThrow();
        LayerNode layer = scene.layers().get(failing.node().id());
        assertSame(LayerStatus.FAILS, treeModel.index().row(layer).orElseThrow().status());

        GraphCanvas canvas = robot.lookup("#graphCanvas").queryAs(GraphCanvas.class);
        WaitForAsyncUtils.asyncFx(canvas::fit).get();
        WaitForAsyncUtils.waitForFxEvents();
        Point2D at = WaitForAsyncUtils.asyncFx(() -> canvas.localToScreen(canvas.centre(failing.node().id()))).get();
        robot.clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();

        TreeItem<LayerRow> selected = tree(robot).getSelectionModel().getSelectedItem();
        assertNotNull(selected, "the tree follows the graph");
        assertSame(layer, selected.getValue().node());
        assertEquals(failing.node().id(), graph.selectedIdProperty().get());

        // and back: a tree row selected, the graph marks its node
        GraphLayout.Box other = scene.layout().boxes().stream()
                .filter(b -> !b.node().group() && b != failing && scene.layers().containsKey(b.node().id()))
                .findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> treeModel.selectedLayerProperty().set(scene.layers().get(other.node().id()))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(other.node().id(), graph.selectedIdProperty().get());
        assertTrue(graph.look(other.node()).selected());
    }

    @Test
    void theArrowKeysFollowTheEdgesAndTheTreeFollowsTheKeys(FxRobot robot) throws Exception {
        GraphViewModel graph = openGraph(robot);
        GraphScene scene = graph.sceneProperty().get();
        // an edge whose both ends are tree layers: Down from its source goes to the first node it feeds
        GraphLayout.Route first = scene.layout().edges().stream()
                .filter(p -> scene.layers().containsKey(p.edge().from()) && scene.layers().containsKey(p.edge().to()))
                .findFirst().orElseThrow();
        String from = first.edge().from();
        String to = scene.layout().edges().stream().filter(p -> p.edge().from().equals(from)).findFirst()
                .orElseThrow().edge().to();
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#graphCanvas").query().requestFocus();
            graph.selectedIdProperty().set(from);
        }).get();
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(to, graph.selectedIdProperty().get());
        assertSame(scene.layers().get(to), tree(robot).getSelectionModel().getSelectedItem().getValue().node());
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(scene.layout().edges().stream().anyMatch(p -> p.edge().to().equals(to)
                && p.edge().from().equals(graph.selectedIdProperty().get())), "Up goes to a node feeding it");

        GraphCanvas canvas = robot.lookup("#graphCanvas").queryAs(GraphCanvas.class);
        double before = canvas.scale();
        robot.type(KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(canvas.scale() > before, "= zooms in");
    }

    @Test
    void theSearchFieldMarksMatchingNodes(FxRobot robot) throws Exception {
        GraphViewModel graph = openGraph(robot);
        GraphLayout.Box some = graph.sceneProperty().get().layout().boxes().stream()
                .filter(b -> !b.node().group()).findFirst().orElseThrow();
        robot.clickOn("#layerSearch").write(some.node().name()).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> graph.look(some.node()).match());
        long matches = graph.sceneProperty().get().layout().boxes().stream().filter(b -> graph.look(b.node()).match()).count();
        long expected = graph.sceneProperty().get().layout().boxes().stream()
                .filter(b -> (b.node().name() + " " + b.node().className()).toLowerCase(Locale.ROOT)
                        .contains(some.node().name().toLowerCase(Locale.ROOT)))
                .count();
        assertEquals(expected, matches);
    }

    @Test
    void theGraphExportsAsAnSvgThatParsesAndAPngThatDecodes(FxRobot robot) throws Exception {
        GraphViewModel graph = openGraph(robot);
        GraphView view = robot.lookup("#graphView").queryAs(GraphView.class);
        Path svg = dir.resolve("graph.svg");
        Path png = dir.resolve("graph.png");
        WaitForAsyncUtils.asyncFx(() -> {
            view.exportSvg(svg);
            view.exportPng(png);
            return null;
        }).get();

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName() == null
                ? doc.getDocumentElement().getTagName() : doc.getDocumentElement().getLocalName());
        int leaves = (int) graph.sceneProperty().get().layout().boxes().stream()
                .filter(b -> !b.node().group() || b.collapsed()).count();
        assertEquals(leaves, doc.getElementsByTagName("title").getLength(), "one titled box per leaf node");
        assertEquals(graph.sceneProperty().get().layout().edges().size(), doc.getElementsByTagName("polyline").getLength());

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "the PNG decodes");
        assertTrue(image.getWidth() >= graph.sceneProperty().get().layout().width(), "drawn at least at full size");
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void aNestedModelClosesToOneBoxAndOpensAgain(FxRobot robot) throws Exception {
        GraphViewModel graph = openGraph(robot);
        GraphScene open = graph.sceneProperty().get();
        String group = open.layout().boxes().stream().filter(b -> b.node().group()).findFirst().orElseThrow().node().id();
        long members = open.layout().boxes().stream().filter(b -> group.equals(b.node().parent())).count();
        assertTrue(members > 0);

        WaitForAsyncUtils.asyncFx(() -> graph.toggle(group)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> graph.sceneProperty().get().collapsed().contains(group));
        GraphScene closed = graph.sceneProperty().get();
        assertEquals(open.layout().boxes().size() - members, closed.layout().boxes().size());
        assertTrue(closed.layout().boxes().stream().anyMatch(b -> b.node().id().equals(group) && b.collapsed()));

        WaitForAsyncUtils.asyncFx(() -> graph.toggle(group)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> graph.sceneProperty().get().collapsed().isEmpty());
        assertEquals(open.layout().boxes().size(), graph.sceneProperty().get().layout().boxes().size());
    }
}
