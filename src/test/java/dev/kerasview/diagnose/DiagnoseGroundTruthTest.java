package dev.kerasview.diagnose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.TestEnvironment;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs diagnose on every file that has a Keras 3.15.1 ground truth (default arguments only) and
 * compares the verdict, the failing layers, the classes Keras could not locate and the optimizer
 * counts with what Keras did.
 */
class DiagnoseGroundTruthTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Test
    void diagnoseAgreesWithKerasOnEveryFixture() throws IOException {
        Agreement a = compare(FIXTURES, false);
        System.out.println("fixtures: diagnose agrees with Keras 3.15.1 on " + a.summary());
        assertTrue(a.mismatches.isEmpty(), String.join("\n", a.mismatches));
    }

    /** Quantized, LoRA, sharded and mixed-precision models (fixtures-modern/README.md). */
    @Test
    void diagnoseAgreesWithKerasOnEveryModernFixture() throws IOException {
        Agreement a = compare(Path.of("src/test/resources/fixtures-modern"), true);
        System.out.println("fixtures-modern: diagnose agrees with Keras 3.15.1 on " + a.summary());
        assertTrue(a.total >= 30, "expected every modern truth, found " + a.total);
        assertTrue(a.mismatches.isEmpty(), String.join("\n", a.mismatches));
    }

    @Test
    void diagnoseAgreesWithKerasOnTheCorpus() throws IOException {
        Path corpus = TestEnvironment.assumeCorpus("GROUND_TRUTH_INDEX.tsv").getParent();
        Agreement a = compare(corpus, false);
        System.out.println("corpus: diagnose agrees with Keras 3.15.1 on " + a.summary());
        assertTrue(a.mismatches.isEmpty(), String.join("\n", a.mismatches));
    }

    private static final class Agreement {
        int total;
        int agreed;
        final List<String> mismatches = new ArrayList<>();

        String summary() {
            return agreed + "/" + total;
        }
    }

    /** With exactMessages, a failure must also be reported in one of Keras's own lines. */
    private Agreement compare(Path root, boolean exactMessages) throws IOException {
        Agreement a = new Agreement();
        Diagnoser diagnoser = new Diagnoser();
        Set<String> seenRuns = new LinkedHashSet<>();
        for (String line : Files.readAllLines(root.resolve("GROUND_TRUTH_INDEX.tsv"))) {
            String[] cols = line.split("\t");
            if (cols.length < 6 || cols[0].equals("ground_truth_file")) {
                continue;
            }
            if (!cols[0].endsWith(".keras-3.15.1.txt")) {
                continue; // extra runs (-unsafe, -no-compile, -json-only, renamed) do not count
            }
            List<String> files = new ArrayList<>();
            for (String arg : cols[3].split(" ")) {
                if (!arg.startsWith("--") && !arg.isBlank()) {
                    files.add(arg);
                }
            }
            if (!seenRuns.add(cols[2] + " " + files)) {
                continue; // the same run stored under two names
            }
            Path dir = root.resolve(cols[2]);
            Path file = dir.resolve(files.get(0));
            Path weights = files.size() > 1 ? dir.resolve(files.get(1)) : null;
            GroundTruthFile gt = GroundTruthFile.read(root.resolve(cols[0]));
            Diagnosis d = diagnoser.diagnose(file, weights);
            a.total++;
            List<String> problems = problems(d, gt, cols[4].equals("0"));
            if (exactMessages && !cols[4].equals("0")) {
                problems.addAll(keraslines(d, gt));
            }
            String label = cols[2] + "/" + String.join("+", files);
            if (problems.isEmpty()) {
                a.agreed++;
                System.out.println("  agree    " + label + "  loads=" + d.loads()
                        + "  " + codes(d));
            } else {
                a.mismatches.add(label + ": " + String.join("; ", problems) + "  " + codes(d));
                System.out.println("  DISAGREE " + label + ": " + String.join("; ", problems)
                        + "  " + codes(d));
            }
        }
        return a;
    }

    private static String codes(Diagnosis d) {
        return d.findings().stream().map(f -> f.severity().id() + ":" + f.code()
                + (f.layer() != null ? "(" + f.layer() + ")" : "")
                + (f.className() != null ? "[" + f.className() + "]" : ""))
                .collect(Collectors.joining(" "));
    }

    private static List<String> keraslines(Diagnosis d, GroundTruthFile gt) {
        Set<String> lines = gt.failure().lines().map(String::trim).filter(l -> !l.isEmpty())
                .map(DiagnoseGroundTruthTest::withoutVariableRepr).collect(Collectors.toSet());
        boolean said = d.errors().stream().anyMatch(f -> lines.contains(f.message()));
        return said ? List.of() : List.of("no error message is one of Keras's lines: "
                + d.errors().stream().map(Finding::message).toList());
    }

    /**
     * Keras's assign error ends with the rebuilt variable's repr, {@code <Variable path=P, shape=..,
     * dtype=.., value=[[0 0 0]}, whose values exist only at run time: the line is compared up to its path P.
     */
    private static String withoutVariableRepr(String kerasLine) {
        int at = kerasLine.indexOf("Target variable: <Variable path=");
        if (at < 0) {
            return kerasLine;
        }
        String rest = kerasLine.substring(at + "Target variable: <Variable path=".length());
        int comma = rest.indexOf(',');
        return kerasLine.substring(0, at) + "Target variable: " + (comma < 0 ? rest : rest.substring(0, comma));
    }

    private static List<String> problems(Diagnosis d, GroundTruthFile gt, boolean kerasLoads) {
        List<String> out = new ArrayList<>();
        Set<String> unlocated = gt.unlocated();
        if (!kerasLoads && !unlocated.isEmpty()) {
            for (String name : unlocated) {
                boolean named = d.findings().stream().anyMatch(f -> name.equals(f.className())
                        || (f.message() != null && f.message().contains("'" + name + "'")));
                if (!named) {
                    out.add("no finding names '" + name + "' that Keras could not locate");
                }
            }
        } else if (d.loads() != kerasLoads) {
            out.add("loads=" + d.loads() + " but Keras " + (kerasLoads ? "loads it"
                    : "fails: " + gt.failure().lines().skip(1).findFirst().orElse("")));
        }
        Set<String> unloaded = gt.unloadedObjects();
        if (!unloaded.isEmpty()) {
            Set<String> errors = d.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR && f.layer() != null)
                    .map(Finding::layer).collect(Collectors.toCollection(LinkedHashSet::new));
            if (!errors.equals(unloaded)) {
                out.add("error layers " + errors + " but Keras could not load " + unloaded);
            }
        }
        for (long[] w : gt.optimizerWarnings()) {
            boolean found = d.findings().stream().anyMatch(f -> f.code() == FindingCode.OPTIMIZER_STATE
                    && Long.valueOf(w[0]).equals(f.expected()) && Long.valueOf(w[1]).equals(f.found()));
            if (!found) {
                out.add("no OPTIMIZER_STATE " + w[0] + "/" + w[1]);
            }
        }
        if (kerasLoads && !d.errors().isEmpty()) {
            out.add("Keras loads it but diagnose reports errors");
        }
        return out;
    }
}
