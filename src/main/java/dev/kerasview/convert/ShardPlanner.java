package dev.kerasview.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a Keras 3 weights layout into shards exactly as Keras 3.15.1's {@code ShardedH5IOStore}
 * does: objects in save order, each object's named group created in the shard current when the
 * walk reaches it, and a new shard started when the next variable would take the current one
 * past the limit (that variable's group is then created again there, unnamed).
 */
final class ShardPlanner {

    /** Bits per element, Keras's {@code dtype_utils.DTYPE_TO_SIZE}. */
    private static final Map<String, Integer> BITS = Map.ofEntries(Map.entry("float16", 16),
            Map.entry("float32", 32), Map.entry("float64", 64), Map.entry("bfloat16", 16), Map.entry("bool", 1),
            Map.entry("int8", 8), Map.entry("int16", 16), Map.entry("int32", 32), Map.entry("int64", 64),
            Map.entry("uint8", 8), Map.entry("uint16", 16), Map.entry("uint32", 32), Map.entry("uint64", 64));

    private final ShardLimit limit;

    ShardPlanner(ShardLimit limit) {
        this.limit = limit;
    }

    /** The name of shard {@code index} beside {@code indexName}, as Keras derives it. */
    static String shardName(String indexName, int index) {
        String stem = indexName.endsWith(".json") ? indexName.substring(0, indexName.length() - 5) : indexName;
        return String.format("%s_%05d.weights.h5", stem.replace(".weights", ""), index);
    }

    /**
     * @param indexName the index file's name ({@code <stem>.weights.json})
     * @param groups    every object's group in Keras's save order
     * @throws ConversionRefusedException when one variable alone is larger than the limit (Keras
     *                                    refuses that too)
     */
    ShardPlan plan(String indexName, List<KerasLayout.VarsGroup> groups) throws ConversionRefusedException {
        long maxBits = Math.multiplyExact(limit.bytes(), 8L);
        List<List<ShardPlan.Group>> shards = new ArrayList<>();
        shards.add(new ArrayList<>());
        Map<String, ShardPlan.Entry> weightMap = new LinkedHashMap<>();
        long current = 0;
        long total = 0;
        for (KerasLayout.VarsGroup g : groups) {
            List<ShardPlan.Group> open = shards.get(shards.size() - 1);
            open.add(new ShardPlan.Group(g.path(), g.name(), List.of()));
            for (int i = 0; i < g.variables().size(); i++) {
                PlannedWeight w = g.variables().get(i);
                long bits = bits(w);
                total += bits;
                if (bits > maxBits) {
                    throw new ConversionRefusedException(ConversionRefusal.SHARD_TOO_SMALL, "refused: variable "
                            + (g.path().isEmpty() ? "" : g.path() + "/") + "vars/" + i + " " + w.source().shape()
                            + " " + w.source().dtype() + " takes " + readable(bits) + ", more than the maximum shard "
                            + "size " + limit.readable() + "; raise --max-shard-size to at least its size");
                }
                current += bits;
                if (current > maxBits) {
                    shards.add(new ArrayList<>());
                    current = bits;
                }
                String file = shardName(indexName, shards.size() - 1);
                add(shards.get(shards.size() - 1), g, new ShardPlan.Variable(i, w));
                ShardPlan.Entry before = weightMap.get(varsPath(g.path()));
                if (before == null) {
                    weightMap.put(varsPath(g.path()), new ShardPlan.Entry(List.of(file), false));
                } else {
                    List<String> files = new ArrayList<>(before.shards());
                    if (!files.contains(file)) {
                        files.add(file);
                    }
                    weightMap.put(varsPath(g.path()), new ShardPlan.Entry(files, true));
                }
            }
        }
        List<ShardPlan.Shard> out = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            out.add(new ShardPlan.Shard(shardName(indexName, i), shards.get(i)));
        }
        return new ShardPlan(indexName, out, weightMap, total);
    }

    /**
     * {@code groups} in Keras's save order: the objects of {@code saveOrder} (paths in walk order)
     * first, then any the model walk does not reach through layers (its optimizer, which Keras
     * visits after the layers), in their given order.
     */
    static List<KerasLayout.VarsGroup> inSaveOrder(List<KerasLayout.VarsGroup> groups, List<String> saveOrder) {
        Map<String, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < saveOrder.size(); i++) {
            rank.putIfAbsent(saveOrder.get(i), i);
        }
        List<KerasLayout.VarsGroup> out = new ArrayList<>(groups);
        out.sort(java.util.Comparator.comparingInt(g -> rank.getOrDefault(g.path(), Integer.MAX_VALUE)));
        return out;
    }

    /** Adds {@code v} to its group in {@code shard}, creating the group unnamed if the shard lacks it. */
    private static void add(List<ShardPlan.Group> shard, KerasLayout.VarsGroup g, ShardPlan.Variable v) {
        int last = shard.size() - 1;
        for (int i = last; i >= 0; i--) {
            ShardPlan.Group s = shard.get(i);
            if (s.path().equals(g.path())) {
                List<ShardPlan.Variable> vars = new ArrayList<>(s.variables());
                vars.add(v);
                shard.set(i, new ShardPlan.Group(s.path(), s.name(), vars));
                return;
            }
        }
        shard.add(new ShardPlan.Group(g.path(), null, List.of(v)));
    }

    private static String varsPath(String path) {
        return path.isEmpty() ? "/vars" : "/" + path + "/vars";
    }

    /** A variable's size as Keras counts it: elements times the dtype's bits. */
    static long bits(PlannedWeight w) {
        Integer perElement = BITS.get(w.source().dtype());
        // Keras has no size for other dtypes (it cannot shard them); their stored bytes are exact.
        return perElement == null ? w.source().byteSize() * 8
                : Math.multiplyExact(w.source().elementCount(), (long) perElement);
    }

    private static String readable(long bits) {
        return new ShardLimit(Math.max(1, (bits + 7) / 8)).readable();
    }
}
