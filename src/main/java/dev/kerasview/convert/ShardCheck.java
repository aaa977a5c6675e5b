package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a written shard index and each shard on its own and compares them with the plan: the
 * {@code weight_map} entry by entry (a string or a list, as Keras writes it), and in every shard
 * exactly the planned {@code vars} groups, their {@code name} attributes and dataset names.
 */
final class ShardCheck {

    private final ModelOpener opener;

    ShardCheck(ModelOpener opener) {
        this.opener = opener;
    }

    /** Adds a problem for every difference from {@code plan}. */
    void check(Path index, ShardPlan plan, List<String> problems) {
        checkIndex(index, plan, problems);
        for (ShardPlan.Shard s : plan.shards()) {
            Path file = index.resolveSibling(s.fileName());
            try (OpenModel shard = opener.open(file, null)) {
                H5Group root = shard.model().weights();
                Map<String, ShardPlan.Group> found = new LinkedHashMap<>();
                if (root != null) {
                    collect(root, found);
                }
                Map<String, ShardPlan.Group> planned = new LinkedHashMap<>();
                s.groups().forEach(g -> planned.put(g.path(), g));
                if (!planned.keySet().equals(found.keySet())) {
                    problems.add(s.fileName() + " holds the groups " + found.keySet() + ", planned " + planned.keySet());
                    continue;
                }
                for (ShardPlan.Group g : s.groups()) {
                    ShardPlan.Group f = found.get(g.path());
                    if (!Objects.equals(g.name(), f.name())) {
                        problems.add(s.fileName() + ": " + g.varsPath() + " is named '" + f.name() + "', planned '"
                                + g.name() + "'");
                    }
                    if (!keys(g).equals(keys(f))) {
                        problems.add(s.fileName() + ": " + g.varsPath() + " holds datasets " + keys(f) + ", planned "
                                + keys(g));
                    }
                }
            } catch (UnreadableFileException e) {
                problems.add("shard " + s.fileName() + " cannot be read back: " + e.getMessage());
            }
        }
    }

    private static void checkIndex(Path index, ShardPlan plan, List<String> problems) {
        JsonNode json;
        try {
            json = KerasJson.parse(Files.readAllBytes(index));
        } catch (IOException e) {
            problems.add("the index " + index.getFileName() + " cannot be read back: " + e.getMessage());
            return;
        }
        JsonNode map = json.path("weight_map");
        List<String> keys = new ArrayList<>();
        map.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(List.copyOf(plan.weightMap().keySet()))) {
            problems.add("the index lists " + keys + ", planned " + plan.weightMap().keySet());
            return;
        }
        plan.weightMap().forEach((group, entry) -> {
            JsonNode v = map.get(group);
            List<String> files = new ArrayList<>();
            if (v.isTextual()) {
                files.add(v.asText());
            } else {
                v.forEach(f -> files.add(f.asText()));
            }
            if (v.isArray() != entry.asList() || !files.equals(entry.shards())) {
                problems.add("the index maps " + group + " to " + v + ", planned " + entry.shards());
            }
        });
    }

    /** Every {@code vars} group below {@code g} as path, name attribute and datasets. */
    private static void collect(H5Group g, Map<String, ShardPlan.Group> out) {
        for (H5Group c : g.groups()) {
            if (c.key().equals("vars")) {
                List<ShardPlan.Variable> vars = new ArrayList<>();
                for (H5Dataset d : c.datasets()) {
                    vars.add(new ShardPlan.Variable(index(d.key()), null));
                }
                out.put(g.path(), new ShardPlan.Group(g.path(), c.stringAttribute("name"), vars));
            }
            collect(c, out);
        }
    }

    private static List<Integer> keys(ShardPlan.Group g) {
        return g.variables().stream().map(ShardPlan.Variable::index).sorted().toList();
    }

    private static int index(String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
