package dev.kerasview.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import dev.kerasview.config.LayerGraph;
import dev.kerasview.config.LayerGraphBuilder;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ModelFile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * Reads a model's connections and lays them out in the background, so the window stays
 * responsive while the layout engine works on thousands of layers.
 */
public final class GraphLayoutService extends Service<GraphScene> {

    // ELK's layered algorithm walks long chains recursively: 5,000 layers need more than the default stack
    private static final long STACK_BYTES = 512L * 1024 * 1024;

    private final ModelFile model;
    private LayerGraph graph;
    private Map<String, LayerNode> layers;
    private Set<String> collapsed = Set.of();

    /** A service for the graph of {@code model}. */
    public GraphLayoutService(ModelFile model) {
        this.model = model;
        setExecutor(bigStack());
    }

    /** Lays the graph out again (or the first time) with the groups in {@code closed} shown closed. */
    public void layout(Set<String> closed) {
        collapsed = Set.copyOf(closed);
        restart();
    }

    @Override
    protected Task<GraphScene> createTask() {
        Set<String> closed = collapsed;
        return new Task<>() {
            @Override
            protected GraphScene call() throws Exception {
                updateMessage("Reading the layers' connections …");
                updateProgress(-1, 1);
                if (graph == null) {
                    graph = read(model);
                    layers = GraphLinks.of(graph, model.root());
                }
                Map<String, LayerNode> links = layers;
                updateMessage("Laying out " + DisplayFormat.plural(graph.nodes().size(), "layer", "layers") + " …");
                GraphLayout layout = new ElkGraphLayouter(n -> GraphNodeText.size(n, links.get(n.id())))
                        .layout(graph, closed, this::isCancelled);
                return new GraphScene(graph, links, closed, layout);
            }
        };
    }

    private static LayerGraph read(ModelFile model) throws Exception {
        JsonNode root = model.parsedConfig().tree(JsonNode.class).orElse(null);
        if (root == null && model.configJson() != null) {
            root = KerasJson.parse(model.configJson());
        }
        if (root == null) {
            return new LayerGraph(List.of(), List.of());
        }
        return LayerGraphBuilder.of(root);
    }

    private static Executor bigStack() {
        return task -> {
            Thread t = new Thread(null, task, "graph-layout", STACK_BYTES);
            t.setDaemon(true);
            t.start();
        };
    }
}
