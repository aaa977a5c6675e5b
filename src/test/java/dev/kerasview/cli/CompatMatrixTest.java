package dev.kerasview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.TestEnvironment;
import dev.kerasview.config.KerasJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code compat --json} against what real Keras 3.3.3 ... 3.15.1 did with every file of
 * ../shared/compat/MATRIX.tsv (a copy in src/test/resources/compat): for each row run with
 * default load options, every version column's OK or FAIL must equal the predicted
 * {@code loads}. Saved-by and fixture files are in the test resources; corpus rows run when
 * the shared corpus is beside the project.
 */
class CompatMatrixTest {

    private static final Path MATRIX = Path.of("src/test/resources/compat/MATRIX.tsv");
    /** Keras's innermost message per cell, same rows as MATRIX.tsv. */
    private static final Path CAUSES = Path.of("src/test/resources/compat/MATRIX_CAUSES.tsv");
    private static final Pattern UNLOCATED = Pattern.compile(
            "Could not (?:locate (?:class|function)|deserialize class) '([^']+)'");
    private static final Path SAVED_BY = Path.of("src/test/resources/compat/saved-by");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    /** One row: where it ran, the files it loaded, and Keras's verdict per version. */
    private record Row(String set, String label, Path file, Path weights, List<String> versions,
                       List<Boolean> kerasLoads, List<String> causes) {
    }

    private static final class Tally {
        int cells;
        int agreed;
        int registered;
        final List<String> skipped = new ArrayList<>();
        final List<String> disagreements = new ArrayList<>();
    }

    @Test
    void compatAgreesWithEveryKerasVersionOnSavedByFiles() throws IOException {
        assertAgrees("saved-by", SAVED_BY);
    }

    @Test
    void compatAgreesWithEveryKerasVersionOnFixtures() throws IOException {
        assertAgrees("fixtures", FIXTURES);
    }

    @Test
    void compatAgreesWithEveryKerasVersionOnTheCorpus() throws IOException {
        Path corpus = TestEnvironment.assumeCorpus("GROUND_TRUTH_INDEX.tsv").getParent();
        assertAgrees("corpus", corpus);
    }

    @Test
    void compatListsTheVersionsOldestFirstWithDiagnoseFindings() throws IOException {
        JsonNode j = compat(SAVED_BY.resolve("3.13.2/mlp.keras"), null);
        List<String> header = List.of(Files.readAllLines(MATRIX).get(0).split("\t"));
        List<String> expected = header.subList(3, header.size()).stream()
                .map(h -> h.substring("keras_".length())).toList();
        List<String> got = new ArrayList<>();
        j.get("versions").forEach(v -> got.add(v.get("keras").asText()));
        assertEquals(expected, got, "one entry per modelled version, oldest first");
        assertEquals("mlp.keras", j.get("file").asText());
        for (JsonNode v : j.get("versions")) {
            assertTrue(v.get("findings").isArray(), v.toString());
            boolean errors = false;
            for (JsonNode f : v.get("findings")) {
                errors |= f.get("severity").asText().equals("error");
            }
            assertEquals(!errors, v.get("loads").asBoolean(), "loads means no error finding");
        }
    }

    private void assertAgrees(String set, Path root) throws IOException {
        Tally t = new Tally();
        for (Row row : rows(set, root)) {
            if (!Files.exists(row.file())) {
                t.skipped.add(row.label()); // a scratch copy the matrix was made from
                continue;
            }
            JsonNode j = compat(row.file(), row.weights());
            JsonNode versions = j.get("versions");
            for (int i = 0; i < row.versions().size(); i++) {
                String version = row.versions().get(i);
                JsonNode v = find(versions, version);
                t.cells++;
                boolean predicted = v != null && v.get("loads").asBoolean();
                if (v != null && predicted == row.kerasLoads().get(i)) {
                    t.agreed++;
                } else if (v != null && predicted && unlocatedButRequired(row.causes().get(i), v)) {
                    // DESIGN: loads means "with the file's own custom classes registered"; the
                    // oracle did not register this one.
                    t.agreed++;
                    t.registered++;
                } else {
                    t.disagreements.add(row.label() + " Keras " + version + ": Keras "
                            + (row.kerasLoads().get(i) ? "loads" : "fails") + ", compat says "
                            + (v == null ? "nothing" : predicted ? "loads" : "fails: "
                            + firstError(v)));
                }
            }
        }
        System.out.println(set + ": " + t.agreed + "/" + t.cells + " cells agree (" + t.registered
                + " of them where Keras could not locate a custom class or function that compat "
                + "lists as required)");
        t.skipped.forEach(s -> System.out.println("  skipped (file not in " + root + ") " + s));
        t.disagreements.forEach(d -> System.out.println("  DISAGREE " + d));
        assertTrue(t.cells > 0, "no rows of " + set + " in " + MATRIX);
        assertEquals(List.of(), t.disagreements, set + ": " + t.agreed + "/" + t.cells
                + " cells agree");
    }

    /**
     * Keras could not locate a class or function (or import its module), and compat says the
     * loading code must register it.
     */
    private static boolean unlocatedButRequired(String cause, JsonNode verdict) {
        Matcher m = UNLOCATED.matcher(cause);
        if (!m.find()) {
            return false;
        }
        for (JsonNode r : verdict.get("requires")) {
            String name = r.get("name").asText();
            if (name.equals(m.group(1)) || name.endsWith(">" + m.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode find(JsonNode versions, String version) {
        for (JsonNode v : versions) {
            if (v.get("keras").asText().equals(version)) {
                return v;
            }
        }
        return null;
    }

    private static String firstError(JsonNode v) {
        for (JsonNode f : v.get("findings")) {
            if (f.get("severity").asText().equals("error")) {
                return f.get("message").asText();
            }
        }
        return "";
    }

    private static JsonNode compat(Path file, Path weights) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("compat", file.toString(), "--json"));
        if (weights != null) {
            args.addAll(List.of("--weights", weights.toString()));
        }
        int exit = KerasviewCommand.run(new PrintWriter(out), new PrintWriter(err),
                args.toArray(String[]::new));
        assertTrue(exit == 0 || exit == 1, "compat " + args + " exited " + exit + ": " + err);
        return KerasJson.parse(out.toString());
    }

    /** The rows of one set run with Keras's default load options (no --unsafe, --no-compile). */
    private static List<Row> rows(String set, Path root) throws IOException {
        List<String> lines = Files.readAllLines(MATRIX);
        List<String> causeLines = Files.readAllLines(CAUSES);
        String[] header = lines.get(0).split("\t");
        List<String> versions = new ArrayList<>();
        for (int c = 3; c < header.length; c++) {
            versions.add(header[c].substring("keras_".length()));
        }
        List<Row> out = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] cols = lines.get(n).split("\t", -1);
            String[] causes = causeLines.get(n).split("\t", -1);
            assertEquals(cols[1], causes[1], "MATRIX_CAUSES.tsv has the rows of MATRIX.tsv");
            String args = cols[2];
            if (!cols[0].equals(set) || args.contains("--unsafe") || args.contains("--no-compile")
                    || args.startsWith("[json_only_probe]")) {
                continue;
            }
            String first = cols[1].split("\\+")[0];
            Path dir = root.resolve(first).getParent();
            List<String> files = new ArrayList<>();
            for (String a : args.split(" ")) {
                if (!a.isBlank() && !a.startsWith("--")) {
                    files.add(a);
                }
            }
            List<Boolean> loads = new ArrayList<>();
            for (int c = 3; c < header.length; c++) {
                loads.add(cols[c].equals("OK"));
            }
            out.add(new Row(set, set + "/" + cols[1], dir.resolve(files.get(0)),
                    files.size() > 1 ? dir.resolve(files.get(1)) : null, versions, loads,
                    List.of(causes).subList(3, causes.length)));
        }
        return out;
    }
}
