package dev.kerasview.convert;

import java.util.List;
import java.util.Map;

/**
 * Sharded Keras 3 weights as {@code save_weights("<base>.weights.json", max_shard_size=...)}
 * writes them: which variables each {@code <base>_NNNNN.weights.h5} holds, and the index.
 *
 * @param indexName the index file's name ({@code <stem>.weights.json})
 * @param shards    the shard files in order
 * @param weightMap the index's {@code weight_map}, in Keras's insertion order
 * @param totalBits the sum of the variables' sizes in bits (Keras counts a bool as one bit)
 */
record ShardPlan(String indexName, List<Shard> shards, Map<String, Entry> weightMap, long totalBits) {

    ShardPlan {
        shards = List.copyOf(shards);
        weightMap = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weightMap));
    }

    /**
     * One shard file.
     *
     * @param fileName its name, beside the index
     * @param groups   the {@code vars} groups it holds, in the order Keras creates them
     */
    record Shard(String fileName, List<Group> groups) {
        Shard {
            groups = List.copyOf(groups);
        }
    }

    /**
     * One object's {@code <path>/vars} group within one shard.
     *
     * @param path      the object's path ("" for the model)
     * @param name      the {@code name} attribute, or null where Keras created the group for a
     *                  variable that spilled over from the previous shard (it writes none there)
     * @param variables the variables this shard holds, under their index in the whole group
     */
    record Group(String path, String name, List<Variable> variables) {
        Group {
            variables = List.copyOf(variables);
        }

        /** The group's HDF5 path, as Keras writes it in the index ({@code /layers/dense/vars}). */
        String varsPath() {
            return path.isEmpty() ? "/vars" : "/" + path + "/vars";
        }
    }

    /** A variable and its dataset name ({@code 0..n-1} over the whole group). */
    record Variable(int index, PlannedWeight weight) {
    }

    /**
     * One {@code weight_map} value.
     *
     * @param shards the shard files holding the group's variables, in order
     * @param asList Keras writes a plain string when one variable was written, a list after more
     */
    record Entry(List<String> shards, boolean asList) {
        Entry {
            shards = List.copyOf(shards);
        }
    }

    /** The shard file names, in order. */
    List<String> fileNames() {
        return shards.stream().map(Shard::fileName).toList();
    }
}
