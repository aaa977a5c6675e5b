package dev.kerasview.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import dev.kerasview.config.LayerGraph;
import dev.kerasview.config.LayerGraphBuilder;
import java.util.Set;

/**
 * Lays out a two-layer graph once, in the background, while the window opens its first file: the
 * first ELK layout in a JVM spends about 0.4 s loading and interpreting the layout engine (its
 * jars are signed, so class-data sharing cannot hold them), which the first real graph then saves.
 */
final class ElkWarmUp {

    private static final String TWO_LAYERS = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"warm_up\","
            + " \"layers\": [{\"class_name\": \"Dense\", \"config\": {\"name\": \"a\"}},"
            + " {\"class_name\": \"Dense\", \"config\": {\"name\": \"b\"}}]}}";

    private ElkWarmUp() {
    }

    /** Starts the warm-up on a low-priority daemon thread; it never reports and never fails the window. */
    static void inBackground() {
        Thread t = new Thread(ElkWarmUp::run, "elk-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            JsonNode config = KerasJson.parse(TWO_LAYERS);
            LayerGraph graph = LayerGraphBuilder.of(config);
            new ElkGraphLayouter(n -> GraphNodeText.size(n, null)).layout(graph, Set.of(), () -> false);
        } catch (Exception | LinkageError e) {
            // only a head start: the real layout reports its own problems
        }
    }
}
