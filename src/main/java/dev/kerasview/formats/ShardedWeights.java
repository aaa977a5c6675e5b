package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.hdf5.H5TensorStore;
import dev.kerasview.hdf5.H5TreeReader;
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

    private ShardedWeights(H5Group merged, Map<String, String> shardOf, long totalSize) {
        this.merged = merged;
        this.shardOf = shardOf;
        this.totalSize = totalSize;
    }

    static boolean isIndex(JsonNode json) {
        return json.isObject() && json.path("weight_map").isObject();
    }

    static ShardedWeights open(Path index, JsonNode json, H5TensorStore store,
                               ReaderOpenModel.Resources res) throws UnreadableFileException {
        Set<String> shards = new LinkedHashSet<>();
        json.get("weight_map").fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                shards.add(e.getValue().asText());
            } else {
                e.getValue().forEach(v -> shards.add(v.asText()));
            }
        });
        // normalized like the shard paths below, or a "../" in the index path fails startsWith
        Path dir = index.toAbsolutePath().normalize().getParent();
        H5Group merged = null;
        Map<String, String> shardOf = new HashMap<>();
        long size = 0;
        for (String s : shards) {
            Path shard = dir.resolve(s).normalize();
            if (!shard.startsWith(dir) || !Files.isRegularFile(shard)) {
                throw new UnreadableFileException(index, "shard '" + s + "' listed in the index "
                        + "is missing beside it");
            }
            H5Opener.Opened o = H5Opener.open(shard, res);
            store.add(s, o.bytes(), o.tree());
            record(o.tree().root(), s, shardOf);
            merged = merged == null ? o.tree().root() : merge(merged, o.tree().root());
            try {
                size += Files.size(shard);
            } catch (IOException e) {
                // Size is informative only.
            }
        }
        if (merged == null) {
            throw new UnreadableFileException(index, "the sharded weights index lists no shards");
        }
        return new ShardedWeights(merged, shardOf, size);
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
