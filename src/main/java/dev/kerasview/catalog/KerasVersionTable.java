package dev.kerasview.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Keras versions kerasview models, from two tables with one column per version:
 * {@code keras-arguments.tsv} (generated from each version by scripts/keras-version-table.py;
 * its rows are described there) and {@code keras-loader-behaviours.tsv}. Modelling another
 * version means adding its column to both.
 */
public final class KerasVersionTable {

    private static final String ARGUMENTS = "/dev/kerasview/catalog/keras-arguments.tsv";
    private static final String BEHAVIOURS = "/dev/kerasview/catalog/keras-loader-behaviours.tsv";

    private final List<KerasRelease> releases;
    private final Map<String, String> defaults = new HashMap<>();

    /** Reads both tables from the build. */
    public KerasVersionTable() {
        List<String[]> arguments = rows(ARGUMENTS);
        List<String[]> behaviours = rows(BEHAVIOURS);
        String[] head = arguments.get(0);
        List<KerasRelease> out = new ArrayList<>();
        for (int col = 0; col < head.length; col++) {
            if (KerasVersion.parse(head[col]).isPresent()) {
                out.add(release(head[col], col, arguments, behaviours));
            }
        }
        int defaultColumn = List.of(head).indexOf("default");
        for (String[] row : arguments.subList(1, arguments.size())) {
            if (defaultColumn >= 0 && !row[defaultColumn].isEmpty()) {
                defaults.put(row[0] + "\t" + row[1] + "\t" + row[2], row[defaultColumn]);
            }
        }
        out.sort((a, b) -> a.version().compareTo(b.version()));
        releases = List.copyOf(out);
    }

    /** Every modelled version, oldest first. */
    public List<KerasRelease> releases() {
        return releases;
    }

    /**
     * The default value of a constructor argument as JSON text, in the newest version that has the
     * argument; empty when it is required or its default has no JSON form.
     */
    public Optional<String> defaultValue(ObjectKind kind, String className, String argument) {
        return Optional.ofNullable(defaults.get(kind.id() + "\t" + className + "\t" + argument));
    }

    /** The newest modelled version, the one {@code diagnose} predicts for by default. */
    public KerasRelease newest() {
        return releases.get(releases.size() - 1);
    }

    /**
     * The release a person means by {@code text}: the exact version ("3.12.0") or the newest
     * modelled release under it ("3.12"); empty when none is modelled.
     */
    public Optional<KerasRelease> resolve(String text) {
        Optional<KerasVersion> wanted = KerasVersion.parse(text);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        KerasRelease found = null;
        for (KerasRelease r : releases) {
            if (r.version().startsWith(wanted.get())) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    private static KerasRelease release(String versionText, int col, List<String[]> arguments,
                                        List<String[]> behaviours) {
        KerasVersion version = KerasVersion.parse(versionText).orElseThrow(() ->
                new IllegalStateException("bad version column " + versionText + " in " + ARGUMENTS));
        Map<ObjectKind, Map<String, String>> classes = new EnumMap<>(ObjectKind.class);
        Map<ObjectKind, Map<String, Set<String>>> accepted = new EnumMap<>(ObjectKind.class);
        Map<ObjectKind, Map<String, Set<String>>> required = new EnumMap<>(ObjectKind.class);
        for (String[] row : arguments.subList(1, arguments.size())) {
            Optional<ObjectKind> kind = ObjectKind.of(row[0]);
            String cell = col < row.length ? row[col] : "-";
            if (kind.isEmpty() || cell.equals("-")) {
                continue;
            }
            Set<String> args = accepted.computeIfAbsent(kind.get(), k -> new HashMap<>())
                    .computeIfAbsent(row[1], k -> new LinkedHashSet<>());
            if (row[2].equals("*")) {
                classes.computeIfAbsent(kind.get(), k -> new HashMap<>()).put(row[1],
                        cell.startsWith("=") ? cell.substring(1) : row[1]);
            } else {
                args.add(row[2]);
            }
            if (cell.equals("r")) {
                required.computeIfAbsent(kind.get(), k -> new HashMap<>())
                        .computeIfAbsent(row[1], k -> new LinkedHashSet<>()).add(row[2]);
            }
        }
        Set<LoaderBehaviour> does = EnumSet.noneOf(LoaderBehaviour.class);
        int bcol = List.of(behaviours.get(0)).indexOf(versionText);
        if (bcol < 0) {
            throw new IllegalStateException(BEHAVIOURS + " has no column for " + versionText);
        }
        for (String[] row : behaviours.subList(1, behaviours.size())) {
            if (bcol < row.length && row[bcol].equals("+")) {
                LoaderBehaviour.of(row[0]).ifPresent(does::add);
            }
        }
        Map<ObjectKind, Map<String, String>> names = new EnumMap<>(ObjectKind.class);
        classes.forEach((kind, m) -> names.put(kind, Map.copyOf(m)));
        return new KerasRelease(version, names, frozen(accepted), frozen(required), does);
    }

    private static Map<ObjectKind, Map<String, Set<String>>> frozen(
            Map<ObjectKind, Map<String, Set<String>>> m) {
        Map<ObjectKind, Map<String, Set<String>>> out = new EnumMap<>(ObjectKind.class);
        m.forEach((kind, classes) -> {
            Map<String, Set<String>> c = new HashMap<>();
            classes.forEach((name, args) -> c.put(name, Collections.unmodifiableSet(args)));
            out.put(kind, Map.copyOf(c));
        });
        return out;
    }

    /** The table's rows split at tabs, comment lines (#) left out, the header first. */
    private static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = KerasVersionTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the table " + resource + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
