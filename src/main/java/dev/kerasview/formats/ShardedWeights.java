package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.hdf5.H5TensorStore;
import dev.kerasview.hdf5.H5TreeReader;
import dev.kerasview.model.Finding;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sharded Keras 3 weights: a {@code *.weights.json} index and its shard files, merged into one
 * structure; each variable remembers the shard that holds it.
 */
final class ShardedWeights {

    private final H5Group merged;
    private final Map<String, String> shardOf;
    private final long totalSize;
    private final List<Finding> problems;

    private ShardedWeights(H5Group merged, Map<String, String> shardOf, long totalSize,
                           List<Finding> problems) {
        this.merged = merged;
        this.shardOf = shardOf;
        this.totalSize = totalSize;
        this.problems = List.copyOf(problems);
    }

    static boolean isIndex(JsonNode json) {
        return json.isObject() && json.path("weight_map").isObject();
    }

    /**
     * Opens the shards the index lists that are there; a missing shard, or an entry whose
     * shards lack its group, becomes a problem and the rest still shows.
     */
    static ShardedWeights open(Path index, JsonNode json, H5TensorStore store,
                               ReaderOpenModel.Resources res) throws UnreadableFileException {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        Set<String> shards = new LinkedHashSet<>();
        json.get("weight_map").fields().forEachRemaining(e -> {
            List<String> names = new ArrayList<>();
            if (e.getValue().isTextual()) {
                names.add(e.getValue().asText());
            } else {
                e.getValue().forEach(v -> names.add(v.asText()));
            }
            entries.put(e.getKey(), names);
            shards.addAll(names);
        });
        // normalized like the shard paths below, or a "../" in the index path fails startsWith
        Path dir = index.toAbsolutePath().normalize().getParent();
        H5Group merged = null;
        Map<String, String> shardOf = new HashMap<>();
        Map<String, H5Group> roots = new HashMap<>();
        long size = 0;
        for (String s : shards) {
            Path shard = dir.resolve(s).normalize();
            if (!shard.startsWith(dir)) {
                throw new UnreadableFileException(index, "shard '" + s + "' listed in the index "
                        + "lies outside its folder");
            }
            if (!Files.isRegularFile(shard)) {
                continue;
            }
            H5Opener.Opened o = H5Opener.open(shard, res);
            store.add(s, o.bytes(), o.tree());
            record(o.tree().root(), s, shardOf);
            roots.put(s, o.tree().root());
            merged = merged == null ? o.tree().root() : merge(merged, o.tree().root());
            try {
                size += Files.size(shard);
            } catch (IOException e) {
                // Size is informative only.
            }
        }
        if (merged == null) {
            throw new UnreadableFileException(index, "none of the shards the index lists is "
                    + "beside it");
        }
        ShardEntries.Result checked = ShardEntries.check(entries, roots);
        for (String group : checked.unheldGroups()) {
            // Keras reads an entry's group only from the shards the entry names.
            merged = withoutVariables(merged, group);
        }
        return new ShardedWeights(merged, shardOf, size, checked.problems());
    }

    /** The tree with the datasets of {@code <group>/vars} removed. */
    private static H5Group withoutVariables(H5Group g, String group) {
        String vars = group.isEmpty() ? "vars" : group + "/vars";
        if (g.path().equals(vars)) {
            return new H5Group(g.path(), g.attributes(), g.groups(), List.of(), g.problem());
        }
        if (!vars.startsWith(g.path().isEmpty() ? "" : g.path() + "/")) {
            return g;
        }
        List<H5Group> groups = new ArrayList<>();
        for (H5Group c : g.groups()) {
            groups.add(withoutVariables(c, group));
        }
        return new H5Group(g.path(), g.attributes(), groups, g.datasets(), g.problem());
    }

    /** Missing shards and entries whose shards lack their group. */
    List<Finding> problems() {
        return problems;
    }

    H5Group root() {
        return merged;
    }

    long shardBytes() {
        return totalSize;
    }

    /** The tree with each variable pointing at its shard. */
    LayerNode withShards(LayerNode n) {
        List<VariableInfo> vars = new ArrayList<>();
        for (VariableInfo v : n.variables()) {
            vars.add(new VariableInfo(v.name(), v.shape(), v.dtype(), v.byteSize(), v.trainable(),
                    v.path(), shardOf.get(v.path())));
        }
        List<LayerNode> kids = new ArrayList<>();
        for (LayerNode c : n.children()) {
            kids.add(withShards(c));
        }
        return new LayerNode(n.name(), n.className(), n.registeredName(), n.module(), n.kind(),
                n.path(), n.config(), n.figures(), n.inboundCalls(), vars, kids, n.problem());
    }

    private static void record(H5Group g, String shard, Map<String, String> out) {
        for (H5Dataset d : g.datasets()) {
            out.put(d.path(), shard);
        }
        for (H5Group c : g.groups()) {
            record(c, shard, out);
        }
    }

    private static H5Group merge(H5Group a, H5Group b) {
        Map<String, Object> attrs = new HashMap<>(b.attributes());
        attrs.putAll(a.attributes());
        List<H5Group> groups = new ArrayList<>(a.groups());
        for (H5Group bg : b.groups()) {
            int i = indexOf(groups, bg.key());
            if (i < 0) {
                groups.add(bg);
            } else {
                groups.set(i, merge(groups.get(i), bg));
            }
        }
        groups.sort(Comparator.comparing(H5Group::key,
                H5TreeReader.KEY_ORDER));
        List<H5Dataset> datasets = new ArrayList<>(a.datasets());
        for (H5Dataset d : b.datasets()) {
            if (datasets.stream().noneMatch(x -> x.key().equals(d.key()))) {
                datasets.add(d);
            }
        }
        datasets.sort(Comparator.comparing(H5Dataset::key,
                H5TreeReader.KEY_ORDER));
        String problem = a.problem() != null ? a.problem() : b.problem();
        return new H5Group(a.path(), attrs, groups, datasets, problem);
    }

    private static int indexOf(List<H5Group> groups, String key) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
