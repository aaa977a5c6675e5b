package dev.kerasview.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OK block of a Keras ground-truth file (fixtures/README.md): layers and their variables. */
public record GroundTruth(String modelClass, String modelName, List<Layer> layers, long trainable,
                   long nonTrainable) {

    /** One LAYER line with its VAR lines. */
    public record Layer(String path, String className, boolean nestedModel, List<Var> vars) {
    }

    /** One VAR line; sum is null for bfloat16 ("sum=n/a"). */
    public record Var(String path, List<Long> shape, String dtype, Double sum) {
    }

    private static final Pattern TOTALS = Pattern.compile(
            "^totals: (\\d+) variables, trainable params (\\d+), non-trainable params (\\d+)$");
    private static final Pattern OK = Pattern.compile("^OK (\\S+)(?: (.*))?$");
    private static final Pattern LAYER = Pattern.compile(
            "^  (\\S.*?)  ([A-Za-z0-9_]+)(?:  \\((no weights|shared, see above|\\d+ weights total)\\))?$");
    private static final Pattern VAR = Pattern.compile(
            "^      (\\S+) \\[([0-9, ]*)\\] (\\S+) (?:sum=(\\S+) abs=(\\S+)|sum=n/a \\((\\S+)\\))$");

    public static GroundTruth parse(Path file) throws IOException {
        String cls = null;
        String name = null;
        List<Layer> layers = new ArrayList<>();
        boolean inOk = false;
        Layer current = null;
        long trainable = -1;
        long nonTrainable = -1;
        for (String line : Files.readAllLines(file)) {
            Matcher ok = OK.matcher(line);
            if (!inOk) {
                if (ok.matches() && line.startsWith("OK ")) {
                    inOk = true;
                    cls = ok.group(1);
                    name = ok.group(2);
                }
                continue;
            }
            Matcher t = TOTALS.matcher(line);
            if (t.matches()) {
                trainable = Long.parseLong(t.group(2));
                nonTrainable = Long.parseLong(t.group(3));
                break;
            }
            Matcher v = VAR.matcher(line);
            if (v.matches() && current != null) {
                List<Long> shape = new ArrayList<>();
                for (String s : v.group(2).split(",")) {
                    if (!s.isBlank()) {
                        shape.add(Long.parseLong(s.trim()));
                    }
                }
                Double sum = v.group(4) == null ? null : Double.valueOf(v.group(4));
                current.vars().add(new Var(v.group(1), shape, v.group(3), sum));
                continue;
            }
            Matcher l = LAYER.matcher(line);
            if (l.matches()) {
                String note = l.group(3);
                current = new Layer(l.group(1), l.group(2),
                        note != null && note.endsWith("weights total"), new ArrayList<>());
                layers.add(current);
            }
        }
        return new GroundTruth(cls, name, layers, trainable, nonTrainable);
    }

    /** bfloat16 sums from {@code bfloat16.bf16-values.txt}, keyed like {@code file:/h5path}. */
    static Map<String, Double> bfloat16Sums(Path valuesFile) throws IOException {
        Map<String, Double> out = new HashMap<>();
        String key = null;
        for (String line : Files.readAllLines(valuesFile)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                key = line.split(" ")[0];
            } else if (line.trim().startsWith("sum=") && key != null) {
                out.put(key, Double.valueOf(line.trim().split(" ")[0].substring(4)));
            }
        }
        return out;
    }
}
