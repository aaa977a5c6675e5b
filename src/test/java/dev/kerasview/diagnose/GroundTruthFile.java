package dev.kerasview.diagnose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed Keras 3.15.1 ground-truth file (format in fixtures/README.md). */
public final class GroundTruthFile {

    private static final Pattern LAYER =
            Pattern.compile("^  (\\S.*?)  ([A-Za-z0-9_]+)(?:  \\((no weights|shared, see above|\\d+ weights total)\\))?$");
    private static final Pattern VAR =
            Pattern.compile("^      (\\S+) \\[([0-9, ]*)\\] (\\S+) (?:sum=(\\S+) abs=(\\S+)|sum=n/a \\((\\S+)\\))$");
    private static final Pattern OPTIMIZER_WARNING = Pattern.compile(
            "Skipping variable loading for optimizer '([^']*)', because it has (\\d+) variables whereas the saved optimizer has (\\d+) variables");
    private static final Pattern UNLOADED = Pattern.compile("<\\w+ name=([^,>]+), built=\\w+>");
    private static final Pattern LOCATE = Pattern.compile(
            "(?:Could not locate (?:class|function) '([^']+)'|Unknown layer: '([^']+)')");

    private final List<String> lines;

    private GroundTruthFile(List<String> lines) {
        this.lines = lines;
    }

    public static GroundTruthFile read(Path file) throws IOException {
        return new GroundTruthFile(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public boolean ok() {
        return lines.stream().anyMatch(l -> l.startsWith("OK "));
    }

    /** The error text of a FAIL block (all message lines), or "". */
    public String failure() {
        StringBuilder sb = new StringBuilder();
        boolean in = false;
        for (String l : lines) {
            if (l.startsWith("FAIL ")) {
                in = true;
                sb.append(l).append('\n');
                continue;
            }
            if (in && (l.startsWith("warning: ") || l.equals("raw:"))) {
                break;
            }
            if (in) {
                sb.append(l).append('\n');
            }
        }
        return sb.toString();
    }

    /** Layer name (last path segment) → variable path → shape, for the OK block. */
    public Map<String, Map<String, List<Long>>> layerVariables() {
        Map<String, Map<String, List<Long>>> out = new LinkedHashMap<>();
        Map<String, List<Long>> current = null;
        boolean inOk = false;
        for (String l : lines) {
            if (l.startsWith("OK ")) {
                inOk = true;
                continue;
            }
            if (!inOk || l.startsWith("totals:")) {
                if (l.startsWith("totals:")) {
                    break;
                }
                continue;
            }
            Matcher m = LAYER.matcher(l);
            if (m.matches()) {
                String path = m.group(1);
                String name = path.substring(path.lastIndexOf('/') + 1);
                current = new LinkedHashMap<>();
                if (!"shared, see above".equals(m.group(3))) {
                    out.put(name, current);
                }
                continue;
            }
            Matcher v = VAR.matcher(l);
            if (v.matches() && current != null) {
                List<Long> shape = new ArrayList<>();
                for (String d : v.group(2).split(",")) {
                    if (!d.isBlank()) {
                        shape.add(Long.parseLong(d.trim()));
                    }
                }
                current.put(v.group(1), shape);
            }
        }
        return out;
    }

    /** Optimizer warnings: [expected, saved] pairs. */
    public List<long[]> optimizerWarnings() {
        List<long[]> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = OPTIMIZER_WARNING.matcher(l);
            if (m.find()) {
                out.add(new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
            }
        }
        return out;
    }

    /** Names in "List of objects that could not be loaded: [...]", or empty. */
    public Set<String> unloadedObjects() {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("List of objects that could not be loaded")
                    && i + 1 < lines.size()) {
                Matcher m = UNLOADED.matcher(lines.get(i + 1));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** Classes or functions Keras could not locate, or empty. */
    public Set<String> unlocated() {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = LOCATE.matcher(failure());
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    public List<String> lines() {
        return lines;
    }
}
