package dev.kerasview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code inspect}'s summary, text and JSON, against what Keras 3.15.1's {@code model.summary()}
 * printed for each fixture it loads (src/test/resources/summary-truth).
 */
class SummaryOutputTest {

    private static final Path TRUTHS = Path.of("src/test/resources/summary-truth");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Pattern KERAS_ROW = Pattern.compile("^\\| │ ([^\\s(]\\S*)");
    private static final Pattern OWN_ROW = Pattern.compile("^│ (\\S+) \\(");
    private static final Pattern TOTAL = Pattern.compile("^\\|\\s+([A-Za-z-]+) params: ([0-9,]+) ");

    private record Run(int code, String out, String err) {
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KerasviewCommand.run(new PrintWriter(out), new PrintWriter(err),
                args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void textSummaryListsKerasRowsAndPrintsKerasTotals() throws Exception {
        int files = 0;
        for (String[] row : fixtureTruths()) {
            List<String> keras = Files.readAllLines(TRUTHS.resolve(row[1]));
            Run r = run(command(row, false));
            assertEquals(0, r.code(), r.err());
            List<String> own = List.of(r.out().split("\n"));
            assertEquals(column(keras, KERAS_ROW), column(own, OWN_ROW), row[1] + ": layer rows");
            long optimizer = printed(keras, "Optimizer", 0);
            long total = printed(keras, "Total", -1) - optimizer;
            String trainable = String.format(Locale.ROOT, "%,d", printed(keras, "Trainable", -1));
            if (!r.out().contains(" Trainable params: unknown")) {
                assertTrue(own.contains(" Total params: " + String.format(Locale.ROOT, "%,d", total)),
                        row[1] + ": total");
                assertTrue(own.contains(" Trainable params: " + trainable), row[1] + ": trainable");
            }
            files++;
        }
        assertTrue(files > 30, "every fixture truth is used");
    }

    @Test
    void jsonCarriesOutputShapeParamsAndMacsOnModelAndEveryLayer() throws Exception {
        for (String[] row : fixtureTruths()) {
            Run r = run(command(row, true));
            assertEquals(0, r.code(), r.err());
            JsonNode model = new ObjectMapper().readTree(r.out()).path("model");
            JsonNode truth = new ObjectMapper().readTree(Files.readAllLines(TRUTHS.resolve(row[1]))
                    .stream().filter(l -> l.startsWith("model ")).findFirst().orElseThrow()
                    .substring(6));
            assertEquals(truth.get("outputShape"), model.get("outputShape"), row[1]);
            assertEquals(truth.get("total"), model.path("params").get("total"), row[1]);
            assertEquals(truth.get("macs"), model.get("macs"), row[1]);
            everyLayerHasFigures(model, row[1]);
        }
    }

    private static void everyLayerHasFigures(JsonNode layer, String file) {
        assertTrue(layer.has("outputShape") && layer.has("macs")
                && layer.path("params").has("total") && layer.path("params").has("trainable")
                && layer.path("params").has("nonTrainable"), file + ": " + layer.path("name"));
        for (JsonNode c : layer.path("layers")) {
            everyLayerHasFigures(c, file);
        }
    }

    private static List<String[]> fixtureTruths() throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(TRUTHS.resolve("INDEX.tsv"))) {
            String[] c = line.split("\t");
            if (c[0].equals("fixtures")) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<String> command(String[] row, boolean json) {
        List<String> files = new ArrayList<>();
        for (String a : row[3].split(" ")) {
            if (!a.startsWith("--")) {
                files.add(FIXTURES.resolve(row[2]).resolve(a).toString());
            }
        }
        List<String> args = new ArrayList<>(List.of("inspect", files.get(0)));
        if (files.size() > 1) {
            args.add("--weights");
            args.add(files.get(1));
        }
        if (json) {
            args.add("--json");
        }
        return args;
    }

    private static List<String> column(List<String> lines, Pattern row) {
        List<String> names = new ArrayList<>();
        for (String l : lines) {
            Matcher m = row.matcher(l);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static long printed(List<String> keras, String label, long fallback) {
        for (String l : keras) {
            Matcher m = TOTAL.matcher(l);
            if (m.find() && m.group(1).equals(label)) {
                return Long.parseLong(m.group(2).replace(",", ""));
            }
        }
        return fallback;
    }
}
