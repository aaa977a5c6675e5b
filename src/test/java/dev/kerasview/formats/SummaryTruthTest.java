package dev.kerasview.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.TestEnvironment;
import dev.kerasview.model.LayerFigures;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ParamCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * kerasview's summary figures (output shapes, parameters per layer, the totals) against what
 * Keras 3.15.1's {@code model.summary()} reported for every fixture and corpus file it loads.
 * MACs are compared with the truths' count (make_truths.py evaluates the definition
 * MacCounter documents on the layers Keras built). A value kerasview declares unknown counts as
 * a difference, unless the layer is (or holds) a
 * custom class or a Lambda, whose Python code Keras ran and the file does not describe.
 */
class SummaryTruthTest {

    private static final Path TRUTHS = Path.of("src/test/resources/summary-truth");

    @Test
    void everyFixtureKerasLoadsHasKerasSummaryFigures() throws Exception {
        Tally t = compareSet("fixtures", Path.of("src/test/resources/fixtures"));
        assertTrue(t.files > 0, "the index lists fixture truths");
        assertEquals(List.of(), t.differences, "differences from Keras's summary()");
    }

    @Test
    void everyLayerOfTheSummaryModelsHasKerasSummaryFigures() throws Exception {
        Tally t = compareSet("models", TRUTHS.resolve("models"));
        assertTrue(t.files > 0, "the index lists the summary models' truths");
        assertEquals(List.of(), t.differences, "differences from Keras's summary()");
    }

    @Test
    void everyCorpusFileKerasLoadsHasKerasSummaryFigures() throws Exception {
        TestEnvironment.assumeCorpus("GROUND_TRUTH_INDEX.tsv");
        Tally t = compareSet("corpus", TestEnvironment.corpus());
        assertTrue(t.files > 0, "the index lists corpus truths");
        assertEquals(List.of(), t.differences, "differences from Keras's summary()");
    }

    @Test
    void everyModernFixtureKerasLoadsHasKerasSummaryFigures() throws Exception {
        Path modern = TestEnvironment.shared().resolve("fixtures-modern");
        TestEnvironment.skipUnless(Files.isDirectory(modern), "the modern fixtures (quantized, "
                + "dtype policies, LoRA, sharded) are not at " + modern.toAbsolutePath());
        Tally t = compareSet("fixtures-modern", modern);
        assertTrue(t.files > 0, "the index lists modern fixture truths");
        assertEquals(List.of(), t.differences, "differences from Keras's summary()");
    }

    private static Tally compareSet(String set, Path base) throws Exception {
        Tally t = new Tally();
        for (String row : Files.readAllLines(TRUTHS.resolve("INDEX.tsv"))) {
            String[] c = row.split("\t");
            if (!c[0].equals(set)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            for (String a : c[3].split(" ")) {
                if (!a.startsWith("--")) {
                    files.add(base.resolve(c[2]).resolve(a));
                }
            }
            SummaryTruth truth = SummaryTruth.read(TRUTHS.resolve(c[1]));
            assertTrue(truth.header().contains("Keras 3.15.1"), c[1]);
            Path main = files.get(0);
            Path weights = files.size() > 1 ? files.get(1) : null;
            int before = t.differences.size();
            try (OpenModel m = ModelReader.open(main, weights)) {
                t.compare(c[1], m.model().root(), truth);
            }
            t.files++;
            System.out.printf("  %-75s %s%n", c[1],
                    t.differences.size() == before ? "same" : (t.differences.size() - before)
                            + " differences");
        }
        System.out.printf("summary truths (%s): %d/%d files, %d differences, %d values declared "
                        + "unknown where Keras ran custom or Lambda code%n", set,
                t.files - t.filesWithDifferences(), t.files, t.differences.size(), t.unknown);
        t.differences.forEach(d -> System.out.println("  DIFFERENCE " + d));
        t.unknowns.forEach(u -> System.out.println("  declared unknown: " + u));
        return t;
    }

    /** Differences and declared-unknown values of one set. */
    private static final class Tally {
        int files;
        int unknown;
        final List<String> unknowns = new ArrayList<>();
        final List<String> differences = new ArrayList<>();
        final List<String> fileNames = new ArrayList<>();

        long filesWithDifferences() {
            return fileNames.stream().distinct().count();
        }

        void compare(String file, LayerNode root, SummaryTruth truth) {
            JsonNode model = truth.model();
            LayerFigures f = root.figures();
            boolean custom = holdsCustomCode(root);
            shape(file, "(model)", f, model.get("outputShape"), custom);
            ParamCount p = f == null ? ParamCount.UNKNOWN : f.params();
            number(file, "(model) total", p.total(), model.get("total").asLong(), custom);
            number(file, "(model) trainable", p.trainable(), model.get("trainable").asLong(),
                    custom);
            number(file, "(model) non-trainable", p.nonTrainable(),
                    model.get("nonTrainable").asLong(), custom);
            number(file, "(model) macs", f == null ? null : f.macs(), longOrNull(model), custom);
            Long optimizer = truth.printed().getOrDefault("Optimizer", 0L);
            number(file, "printed Total params less Optimizer params", p.total(),
                    truth.printed().get("Total") - optimizer, custom);
            number(file, "printed Trainable params", p.trainable(),
                    truth.printed().get("Trainable"), custom);
            number(file, "printed Non-trainable params", p.nonTrainable(),
                    truth.printed().get("Non-trainable"), custom);
            for (JsonNode layer : truth.layers()) {
                String path = layer.get("path").asText();
                LayerNode n = find(root, path.split("/"));
                if (n == null) {
                    differences.add(file + ": " + path + ": no such layer in kerasview's tree");
                    fileNames.add(file);
                    continue;
                }
                boolean c = holdsCustomCode(n);
                LayerFigures lf = n.figures();
                shape(file, path, lf, layer.get("outputShape"), c);
                number(file, path + " macs", lf == null ? null : lf.macs(), longOrNull(layer), c);
                if (layer.get("built").asBoolean()) {
                    ParamCount lp = lf == null ? ParamCount.UNKNOWN : lf.params();
                    number(file, path + " total", lp.total(), layer.get("total").asLong(), c);
                    number(file, path + " trainable", lp.trainable(),
                            layer.get("trainable").asLong(), c);
                    number(file, path + " non-trainable", lp.nonTrainable(),
                            layer.get("nonTrainable").asLong(), c);
                }
            }
        }

        private void shape(String file, String what, LayerFigures f, JsonNode expected,
                           boolean custom) {
            String want = expected == null || expected.isNull() ? null : expected.toString();
            String got = null;
            if (f != null && f.shapeKnown()) {
                List<List<Long>> s = f.outputShapes();
                got = (s.size() == 1 ? s.get(0).toString() : s.toString()).replace(" ", "");
            }
            if (want != null) {
                want = want.replace(" ", "");
            }
            if (got == null && want != null && custom) {
                unknown++;
                unknowns.add(file + ": " + what + " output shape (Keras " + want + ")");
            } else if (!Objects.equals(got, want)) {
                differences.add(file + ": " + what + " output shape: kerasview " + got
                        + ", Keras " + want);
                fileNames.add(file);
            }
        }

        private void number(String file, String what, Long got, Long want, boolean custom) {
            if (got == null && custom && want != null) {
                unknown++;
                unknowns.add(file + ": " + what + " (Keras " + want + ")");
            } else if (!Objects.equals(got, want)) {
                differences.add(file + ": " + what + ": kerasview " + got + ", Keras " + want);
                fileNames.add(file);
            }
        }
    }

    /** The truth's MAC count (not a Keras figure: the documented definition on Keras's layers). */
    private static Long longOrNull(JsonNode figures) {
        JsonNode m = figures.get("macs");
        return m == null || m.isNull() ? null : m.asLong();
    }

    /** The layer at a truth path: names of nested layers from the root's children down. */
    private static LayerNode find(LayerNode root, String[] path) {
        LayerNode n = root;
        for (String name : path) {
            LayerNode next = null;
            for (LayerNode c : n.children()) {
                if (c.name().equals(name) && next == null) {
                    next = c;
                }
            }
            if (next == null) {
                return null;
            }
            n = next;
        }
        return n;
    }

    private static boolean holdsCustomCode(LayerNode n) {
        if (n.kind() == LayerKind.CUSTOM || n.kind() == LayerKind.LAMBDA
                || n.kind() == LayerKind.MODEL && n.registeredName() != null
                && n.registeredName().contains(">")) {
            return true;
        }
        for (LayerNode c : n.children()) {
            if (holdsCustomCode(c)) {
                return true;
            }
        }
        return false;
    }
}
