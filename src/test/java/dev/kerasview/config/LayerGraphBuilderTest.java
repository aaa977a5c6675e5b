package dev.kerasview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.TestEnvironment;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The graph's nodes and edges against each real file's config, derived again here by a plain
 * walk that knows nothing of the builder: every layer of every nested model is a node, and an
 * edge joins each tensor a layer's inbound nodes name (in any Keras version's form) to it.
 */
class LayerGraphBuilderTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    // Keras 1 and 2 configs (their list-of-entries inbound nodes) that the upgrader's tests keep
    private static final Path UPGRADE = Path.of("src/test/resources/upgrade");

    @Test
    void everyFixtureGraphHasTheLayersAndConnectionsOfItsConfig() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            files = s.filter(p -> p.toString().endsWith(".keras") || p.toString().endsWith(".h5")
                    && !p.toString().endsWith(".weights.h5") || p.toString().endsWith(".json")).sorted().toList();
        }
        int compared = check(files);
        assertTrue(compared >= 20, "fixtures with a model config: " + compared);
    }

    @Test
    void everyCorpusGraphHasTheLayersAndConnectionsOfItsConfig() throws Exception {
        Path manifest = TestEnvironment.assumeCorpus("MANIFEST.tsv");
        List<Path> files = new ArrayList<>();
        for (String row : Files.readAllLines(manifest)) {
            String rel = row.split("\t")[0];
            if (!rel.equals("local_path")) {
                files.add(TestEnvironment.corpus().resolve(rel));
            }
        }
        int compared = check(files);
        assertTrue(compared >= 20, "corpus files with a model config: " + compared);
    }

    @Test
    void keras1And2ConfigsGiveTheConnectionsOfTheirOwnInboundNodeForm() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Stream.of("keras1", "keras2").flatMap(d -> list(UPGRADE.resolve(d)))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> differences = new ArrayList<>();
        for (Path f : files) {
            JsonNode root = KerasJson.parse(Files.readString(f));
            compare(f.toString(), root, differences);
            assertFalse(LayerGraphBuilder.of(root).edges().isEmpty(), f + " connects its layers");
        }
        assertEquals(List.of(), differences);
        assertFalse(files.isEmpty());
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSharedLayerIsOneNodeFedByEachOfItsCalls() throws Exception {
        JsonNode root = config(FIXTURES.resolve("functional_nested/functional_nested.keras"));
        LayerGraph g = LayerGraphBuilder.of(root);
        for (JsonNode layer : root.path("config").path("layers")) {
            int calls = layer.path("inbound_nodes").size();
            String name = layer.path("config").path("name").asText();
            List<GraphNode> nodes = g.nodes().stream().filter(n -> n.id().equals(name)).toList();
            assertEquals(1, nodes.size(), name);
            assertEquals(Math.max(1, calls), nodes.get(0).calls(), name);
        }
        assertTrue(g.nodes().stream().anyMatch(GraphNode::group), "the nested model is a group");
        assertTrue(g.nodes().stream().anyMatch(n -> n.parent() != null), "the group holds its layers");
    }

    private static JsonNode config(Path file) throws Exception {
        try (OpenModel m = ModelReader.open(file, null)) {
            return KerasJson.parse(m.model().configJson());
        }
    }

    private static int check(List<Path> files) throws Exception {
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (Path f : files) {
            String json;
            try (OpenModel m = ModelReader.open(f, null)) {
                json = m.model().configJson();
            } catch (UnreadableFileException e) {
                continue; // the corpus's damaged and hostile files: nothing to draw
            }
            if (json == null) {
                continue;
            }
            compare(f.toString(), KerasJson.parse(json), differences);
            compared++;
        }
        System.out.printf("graph vs config: %d files compared, %d differences%n", compared, differences.size());
        assertEquals(List.of(), differences);
        return compared;
    }

    private static void compare(String label, JsonNode root, List<String> differences) {
        LayerGraph g = LayerGraphBuilder.of(root);
        Set<String> nodes = new TreeSet<>();
        Set<String> edges = new TreeSet<>();
        expected(root, "", nodes, edges, true);
        Set<String> gotNodes = new TreeSet<>();
        g.nodes().forEach(n -> gotNodes.add(n.id()));
        Set<String> gotEdges = new TreeSet<>();
        g.edges().forEach(e -> gotEdges.add(e.from() + " -> " + e.to()));
        if (!nodes.equals(gotNodes)) {
            differences.add(label + ": nodes " + nodes + " vs " + gotNodes);
        }
        if (!edges.equals(gotEdges)) {
            differences.add(label + ": edges " + edges + " vs " + gotEdges);
        }
        if (g.nodes().size() != g.byId().size()) {
            differences.add(label + ": node ids repeat");
        }
    }

    /** Nodes and edges of one model envelope, ids prefixed with {@code scope}. */
    private static void expected(JsonNode envelope, String scope, Set<String> nodes, Set<String> edges, boolean root) {
        JsonNode config = envelope.path("config");
        JsonNode layers = config.isArray() ? config : config.path("layers");
        if (!layers.isArray()) {
            if (root) {
                subclassedParts(config, nodes, edges);
            }
            return;
        }
        boolean sequential = config.isArray() || "Sequential".equals(envelope.path("class_name").asText());
        Map<String, String> ids = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (JsonNode l : layers) {
            String name = l.has("name") ? l.path("name").asText() : l.path("config").path("name").asText();
            ids.put(name, scope + name);
            order.add(name);
            nodes.add(scope + name);
            if (l.path("config").path("layers").isArray() || l.path("config").isArray()) {
                expected(l, scope + name + "/", nodes, edges, false);
            }
        }
        for (int i = 0; i < layers.size(); i++) {
            String to = ids.get(order.get(i));
            if (sequential) {
                if (i > 0) {
                    edges.add(ids.get(order.get(i - 1)) + " -> " + to);
                }
                continue;
            }
            Set<String> sources = new LinkedHashSet<>();
            triples(layers.get(i).path("inbound_nodes"), sources);
            for (String s : sources) {
                if (ids.containsKey(s)) {
                    edges.add(ids.get(s) + " -> " + to);
                }
            }
        }
    }

    /** A subclassed model: the layers its config holds, each a node of its own. */
    private static void subclassedParts(JsonNode value, Set<String> nodes, Set<String> edges) {
        if (value.isObject() && value.path("class_name").isTextual() && value.path("config").path("name").isTextual()
                && (value.path("config").has("trainable") || value.path("config").has("layers"))) {
            String name = value.path("config").path("name").asText();
            nodes.add(name);
            if (value.path("config").path("layers").isArray()) {
                expected(value, name + "/", nodes, edges, false);
            }
            return;
        }
        for (JsonNode c : value) {
            subclassedParts(c, nodes, edges);
        }
    }

    /** Every {@code [layer, node, tensor]} (Keras 3's keras_history, Keras 1/2's entries) under {@code n}. */
    private static void triples(JsonNode n, Set<String> out) {
        if (n.isArray() && n.size() >= 3 && n.get(0).isTextual() && n.get(1).isIntegralNumber()
                && n.get(2).isIntegralNumber()) {
            out.add(n.get(0).asText());
        }
        for (JsonNode c : n) {
            triples(c, out);
        }
    }
}
