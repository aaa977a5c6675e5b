package dev.kerasview.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.TestEnvironment;
import dev.kerasview.config.KerasJson;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import dev.kerasview.model.FileFormat;
import dev.kerasview.model.Finding;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.ParsedJson;
import dev.kerasview.model.WeightsLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis of an opened model reads the config tree its reader parsed, which the layer
 * tree renders from: it must leave that tree exactly as read and reach the verdict the config
 * text alone gives.
 */
class DiagnoserTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Test
    void diagnosingALegacyModelLeavesTheReadersTreeAndItsLayerConfigsAsRead() throws Exception {
        // the legacy loader's rewrites move BatchNormalization's axis to the end of its config
        assertDiagnosisChangesNothing(FIXTURES.resolve("mlp/mlp.h5"), null);
        assertDiagnosisChangesNothing(FIXTURES.resolve("deep_cnn/deep_cnn.h5"), null);
    }

    @Test
    void diagnosingAnArchiveLeavesTheReadersTreeAndItsLayerConfigsAsRead() throws Exception {
        assertDiagnosisChangesNothing(FIXTURES.resolve("mlp/mlp.keras"), null);
        assertDiagnosisChangesNothing(
                FIXTURES.resolve("vae_functional_shared/vae_functional_shared.keras"), null);
    }

    @Test
    void diagnosingJsonWithWeightsLeavesTheReadersTreeAndItsLayerConfigsAsRead() throws Exception {
        Path json = FIXTURES.resolve("mlp/mlp.json");
        assertDiagnosisChangesNothing(json, FIXTURES.resolve("mlp/mlp_weights.h5"));
        assertDiagnosisChangesNothing(json, FIXTURES.resolve("mlp/mlp.weights.h5"));
    }

    @Test
    void layerEntriesWithoutModuleInAKerasArchiveLoadAsKerasLoadsThem() throws Exception {
        // Keras 3.15.1's functional_nested.keras with 'module' removed from every layer entry (make.py)
        Path dir = Path.of("src/test/resources/diagnose/module_less_layers");
        List<String> truth = Files.readAllLines(dir.resolve("module_less_layers.keras.keras-3.15.1.txt"));
        assertTrue(truth.get(1).startsWith("OK "), "Keras 3.15.1 loads it: " + truth.get(1));
        Diagnosis d = new Diagnoser().diagnose(dir.resolve("module_less_layers.keras"), null);
        assertTrue(d.loads(), d.findings().toString());
    }

    @Test
    void theReadersTreeGivesTheVerdictOfTheTextOnEveryFixture() throws IOException {
        assertEquals(List.of(), treeAgainstText(FIXTURES));
    }

    @Test
    void theReadersTreeGivesTheVerdictOfTheTextOnTheCorpus() throws IOException {
        Path corpus = TestEnvironment.assumeCorpus("GROUND_TRUTH_INDEX.tsv").getParent();
        assertEquals(List.of(), treeAgainstText(corpus));
    }

    @Test
    void aModelWithoutATreeWhoseTextIsNotJsonIsRefusedAsBefore() {
        String bad = "{not json";
        assertEquals("ERROR:INVALID_CONFIG config.json is missing or not valid JSON.",
                verdictOf(FileFormat.KERAS_ARCHIVE, "m.keras", bad));
        assertEquals("ERROR:INVALID_CONFIG config.json is missing or not valid JSON.",
                verdictOf(FileFormat.KERAS_ARCHIVE, "m.keras", null));
        assertEquals("ERROR:NO_ARCHITECTURE No model config found in the file at m.h5.",
                verdictOf(FileFormat.LEGACY_H5, "m.h5", bad));
        assertEquals("ERROR:INVALID_CONFIG The JSON architecture is not valid JSON.",
                verdictOf(FileFormat.JSON_WITH_WEIGHTS, "m.json", bad));
    }

    @Test
    void aModelReadFromItsFileCarriesTheTreeItsReaderParsed() throws Exception {
        try (OpenModel open = ModelReader.open(FIXTURES.resolve("mlp/mlp.keras"), null)) {
            JsonNode tree = open.model().parsedConfig().tree(JsonNode.class).orElseThrow();
            assertEquals(KerasJson.parse(open.model().configJson()), tree);
        }
    }

    /**
     * Diagnoses the file as opened, then checks that the reader's tree serializes to the same
     * bytes as before and that every layer's config text (not made before the diagnosis, so
     * made from the tree as it is after it) is the text of the same file opened afresh.
     */
    private static void assertDiagnosisChangesNothing(Path file, Path weights) throws Exception {
        try (OpenModel diagnosed = ModelReader.open(file, weights);
             OpenModel untouched = ModelReader.open(file, weights)) {
            ModelFile m = diagnosed.model();
            JsonNode tree = m.parsedConfig().tree(JsonNode.class).orElseThrow();
            String before = KerasJson.toCompactJson(tree);

            new Diagnoser().diagnose(m);

            assertEquals(before, KerasJson.toCompactJson(tree), "the reader's tree of " + file);
            List<String> expected = layerConfigs(untouched.model().root());
            List<String> actual = layerConfigs(m.root());
            assertFalse(expected.isEmpty());
            assertEquals(expected, actual, "layer config texts of " + file);
        }
    }

    private static List<String> layerConfigs(LayerNode root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(LayerNode node, List<String> out) {
        out.add(node.name() + " " + node.configJson());
        node.children().forEach(c -> collect(c, out));
    }

    /**
     * Every run of the ground-truth index, diagnosed with the reader's tree and with the text
     * alone; the differences (none expected), and any change the diagnosis made to the tree.
     */
    private static List<String> treeAgainstText(Path root) throws IOException {
        List<String> differences = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int compared = 0;
        for (String line : Files.readAllLines(root.resolve("GROUND_TRUTH_INDEX.tsv"))) {
            String[] cols = line.split("\t");
            if (cols.length < 6 || cols[0].equals("ground_truth_file")) {
                continue;
            }
            List<String> files = new ArrayList<>();
            for (String arg : cols[3].split(" ")) {
                if (!arg.startsWith("--") && !arg.isBlank()) {
                    files.add(arg);
                }
            }
            if (!seen.add(cols[2] + " " + files)) {
                continue;
            }
            Path dir = root.resolve(cols[2]);
            Path file = dir.resolve(files.get(0));
            Path weights = files.size() > 1 ? dir.resolve(files.get(1)) : null;
            try (OpenModel open = ModelReader.open(file, weights)) {
                ModelFile m = open.model();
                JsonNode tree = m.parsedConfig().tree(JsonNode.class).orElse(null);
                String before = tree == null ? null : KerasJson.toCompactJson(tree);
                Diagnosis withTree = new Diagnoser().diagnose(m);
                if (tree != null && !before.equals(KerasJson.toCompactJson(tree))) {
                    differences.add(file + ": the diagnosis changed the reader's tree");
                }
                Diagnosis fromText = new Diagnoser().diagnose(withoutTree(m));
                if (!withTree.equals(fromText)) {
                    differences.add(file + ": with the tree " + withTree + ", from the text "
                            + fromText);
                }
                compared++;
            } catch (UnreadableFileException e) {
                // nothing opened, nothing shared: the verdict does not involve a tree
            }
        }
        assertTrue(compared > 0, "no model of " + root + " opened");
        System.out.println(root + ": " + compared + " opened models diagnosed with and without "
                + "the reader's tree");
        return differences;
    }

    private static ModelFile withoutTree(ModelFile m) {
        return new ModelFile(m.file(), m.weightsFile(), m.format(), m.kerasVersion(),
                m.dateSaved(), m.backend(), m.fileSize(), m.root(), m.configJson(),
                ParsedJson.none(), m.trainingConfigJson(), m.weightsLayout(), m.weights(),
                m.archiveEntries(), m.problems());
    }

    /** The only finding on a model whose config text nobody parsed: severity, code, message. */
    private static String verdictOf(FileFormat format, String name, String configText) {
        ModelFile m = new ModelFile(Path.of(name), null, format, null, null, null, 0, null,
                configText, null, WeightsLayout.NONE, null, List.of(), List.of());
        List<Finding> f = new Diagnoser().diagnose(m).findings();
        assertEquals(1, f.size(), f::toString);
        return f.get(0).severity() + ":" + f.get(0).code() + " " + f.get(0).message();
    }
}
