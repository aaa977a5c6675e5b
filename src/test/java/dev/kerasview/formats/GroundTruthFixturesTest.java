package dev.kerasview.formats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.config.KerasJson;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every fixture Keras 3.15.1 loads: the reader's tree gives each layer the same variables as
 * Keras's ground truth (names, shapes, dtypes, sums).
 */
class GroundTruthFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path MODERN = Path.of("src/test/resources/fixtures-modern");
    private static final double REL_TOL = 1e-6;

    @Test
    void everyLoadableFixtureMatchesKerasVariablesNamesShapesDtypesAndSums() throws Exception {
        Map<String, Double> bf16 = GroundTruth.bfloat16Sums(
                FIXTURES.resolve("bfloat16/bfloat16.bf16-values.txt"));
        int files = compareAll(FIXTURES, bf16);
        assertTrue(files >= 40, "expected the OK fixtures, found " + files);
    }

    /** Quantized, LoRA, sharded and mixed-precision models (fixtures-modern/README.md). */
    @Test
    void everyLoadableModernFixtureMatchesKerasVariablesNamesShapesDtypesAndSums() throws Exception {
        int files = compareAll(MODERN, Map.of());
        assertTrue(files >= 25, "expected the OK modern fixtures, found " + files);
    }

    /** Compares every OK truth under the root; returns how many files were compared. */
    private static int compareAll(Path root, Map<String, Double> bf16) throws Exception {
        List<String> failures = new ArrayList<>();
        int files = 0;
        int layers = 0;
        int vars = 0;
        int totals = 0;
        for (String row : Files.readAllLines(root.resolve("GROUND_TRUTH_INDEX.tsv"))) {
            String[] c = row.split("\t");
            if (c[0].equals("ground_truth_file") || !c[4].equals("0") || !c[5].equals("OK")) {
                continue;
            }
            Path dir = root.resolve(c[2]);
            List<String> args = new ArrayList<>();
            for (String a : c[3].split(" ")) {
                if (!a.startsWith("--")) {
                    args.add(a);
                }
            }
            Path model = dir.resolve(args.get(0));
            Path weights = args.size() > 1 ? dir.resolve(args.get(1)) : null;
            GroundTruth gt = GroundTruth.parse(root.resolve(c[0]));
            files++;
            String label = c[0];
            try (OpenModel m = ModelReader.open(model, weights)) {
                long unstored = 0;
                for (GroundTruth.Layer l : gt.layers()) {
                    if (l.nestedModel()) {
                        continue;
                    }
                    layers++;
                    LayerNode node = find(m.model().root(), l.path());
                    if (node == null) {
                        failures.add(label + ": layer '" + l.path() + "' not in the tree");
                        continue;
                    }
                    vars += l.vars().size();
                    unstored += compare(label, l, node, m, weights != null ? weights : model, bf16,
                            failures);
                }
                long[] counts = new long[2];
                if (countParams(m.model().root(), counts)) {
                    totals++;
                    // LoRA's matrices Keras creates on load count as trainable parameters.
                    counts[0] += unstored;
                    if (counts[0] != gt.trainable() || counts[1] != gt.nonTrainable()) {
                        failures.add(label + ": trainable/non-trainable params " + counts[0] + "/"
                                + counts[1] + ", Keras " + gt.trainable() + "/" + gt.nonTrainable());
                    }
                }
            } catch (UnreadableFileException e) {
                failures.add(label + ": unreadable: " + e.getMessage());
            }
        }
        System.out.printf(Locale.ROOT, "ground truth: %d files, %d layers, %d variables compared, "
                + "trainable/non-trainable totals compared for %d files, %d differences%n", files,
                layers, vars, totals, failures.size());
        failures.forEach(f -> System.out.println("  DIFF " + f));
        assertTrue(failures.isEmpty(), failures.size() + " differences, first: "
                + (failures.isEmpty() ? "" : failures.get(0)));
        return files;
    }

    /**
     * Compares one layer; returns the elements of LoRA matrices Keras creates (zeroed) on load
     * that the file does not store: a .keras LoRA layer saves its kernel merged.
     */
    private static long compare(String label, GroundTruth.Layer l, LayerNode node, OpenModel m,
                                Path weightsFile, Map<String, Double> bf16, List<String> failures)
            throws IOException {
        Map<String, VariableInfo> mine = new LinkedHashMap<>();
        collect(node, "", mine);
        boolean custom = node.kind() == LayerKind.CUSTOM || node.kind() == LayerKind.WEIGHTS_GROUP;
        List<GroundTruth.Var> wanted = new ArrayList<>();
        long unstored = 0;
        for (GroundTruth.Var want : l.vars()) {
            if (!mine.containsKey(want.path()) && createdOnLoadByLora(node, want)) {
                unstored += want.shape().stream().reduce(1L, (a, b) -> a * b);
            } else {
                wanted.add(want);
            }
        }
        if (mine.size() != wanted.size()) {
            failures.add(label + ": layer '" + l.path() + "' has " + mine.size()
                    + " variables " + mine.keySet() + ", Keras " + l.vars().size());
            return unstored;
        }
        List<VariableInfo> ordered = new ArrayList<>(mine.values());
        for (int i = 0; i < wanted.size(); i++) {
            GroundTruth.Var want = wanted.get(i);
            VariableInfo got = mine.get(want.path());
            if (got == null && custom) {
                got = ordered.get(i);
            }
            String where = label + ": " + l.path() + "/" + want.path();
            if (got == null) {
                failures.add(where + ": no variable of that name; the tree has " + mine.keySet());
                continue;
            }
            if (!got.shape().equals(want.shape())) {
                failures.add(where + ": shape " + got.shape() + ", Keras " + want.shape());
            }
            if (!got.dtype().equals(want.dtype())) {
                failures.add(where + ": dtype " + got.dtype() + ", Keras " + want.dtype());
            }
            Double wantSum = want.sum();
            if (wantSum == null) {
                wantSum = bf16.get(bf16Key(weightsFile, got));
                if (wantSum == null) {
                    failures.add(where + ": no bfloat16 reference sum for " + bf16Key(weightsFile, got));
                    continue;
                }
            }
            VariableStats s = m.tensors().statistics(got, 0);
            double tol = REL_TOL * Math.max(Math.abs(wantSum), Math.abs(s.sum())) + 1e-12;
            if (Math.abs(s.sum() - wantSum) > tol) {
                failures.add(where + ": sum " + s.sum() + ", Keras " + wantSum);
            }
        }
        return unstored;
    }

    /** A LoRA matrix of a layer whose config enables LoRA, which Keras zeroes on load. */
    private static boolean createdOnLoadByLora(LayerNode node, GroundTruth.Var want)
            throws IOException {
        return want.path().startsWith("lora_") && Double.valueOf(0.0).equals(want.sum())
                && node.configJson() != null
                && KerasJson.parse(node.configJson()).path("config").hasNonNull("lora_rank");
    }

    private static String bf16Key(Path weightsFile, VariableInfo v) {
        String name = weightsFile.getFileName().toString();
        return name.endsWith(".keras") ? name + ":model.weights.h5:/" + v.path()
                : name + ":/" + v.path();
    }

    /** Own variables, then sub-layers' (not nested models') with their names as prefix. */
    private static void collect(LayerNode n, String prefix, Map<String, VariableInfo> out) {
        for (VariableInfo v : n.variables()) {
            out.put(prefix + v.name(), v);
        }
        for (LayerNode c : n.children()) {
            if (c.kind() != LayerKind.MODEL && c.kind() != LayerKind.OPTIMIZER) {
                collect(c, prefix + c.name() + "/", out);
            }
        }
    }

    /**
     * Trainable and non-trainable parameter counts of the model (optimizer and orphan groups
     * excluded); false when a custom layer holds variables, whose flags only its code knows.
     */
    private static boolean countParams(LayerNode n, long[] counts) {
        if (n.kind() == LayerKind.OPTIMIZER || (n.kind() == LayerKind.WEIGHTS_GROUP && n.className() == null)) {
            return true;
        }
        if (n.kind() == LayerKind.CUSTOM && !n.variables().isEmpty()) {
            return false;
        }
        for (VariableInfo v : n.variables()) {
            counts[v.trainable() ? 0 : 1] += v.elementCount();
        }
        boolean ok = true;
        for (LayerNode c : n.children()) {
            ok &= countParams(c, counts);
        }
        return ok;
    }

    private static LayerNode find(LayerNode root, String path) {
        LayerNode n = root;
        for (String seg : path.split("/")) {
            LayerNode next = null;
            for (LayerNode c : n.children()) {
                if (c.name().equals(seg)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            n = next;
        }
        return n;
    }
}
