package dev.kerasview.formats;

import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Group;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a sharded index entry by entry: each {@code weight_map} entry's shards must be there,
 * and one of them must hold the entry's group (Keras reads the group only from those shards).
 */
final class ShardEntries {

    private ShardEntries() {
    }

    /**
     * What the entries say.
     *
     * @param problems     missing shards, entries whose shards lack their group
     * @param unheldGroups group paths Keras will find empty: their entry's shards lack them
     */
    record Result(List<Finding> problems, List<String> unheldGroups) {
    }

    /**
     * @param entries weight_map key ({@code /layers/dense/vars}) → the shard names it lists
     * @param roots   the root group of every shard that could be opened, by name
     */
    static Result check(Map<String, List<String>> entries, Map<String, H5Group> roots) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        List<String> unheld = new ArrayList<>();
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : entries.entrySet()) {
            String group = groupPath(e.getKey());
            boolean anyMissing = false;
            boolean held = false;
            for (String shard : e.getValue()) {
                H5Group root = roots.get(shard);
                if (root == null) {
                    missing.computeIfAbsent(shard, k -> new ArrayList<>()).add(group);
                    anyMissing = true;
                } else if ((group.isEmpty() ? root.group("vars") : root.find(group)).isPresent()) {
                    held = true;
                }
            }
            if (!anyMissing && !held) {
                unheld.add(group);
                out.add(Finding.warning(FindingCode.SHARD_LACKS_GROUP).path(group)
                        .message("the index maps '" + e.getKey() + "' to " + e.getValue()
                                + ", but no such shard holds the group '" + group + "'")
                        .cause("Keras looks for a layer's variables only in the shards its "
                                + "weight_map entry names; there it finds none, and the layer's "
                                + "variable count check fails.")
                        .remedies("Restore the index that was written with these shards, or "
                                + "save the weights again with model.save_weights(...).")
                        .build());
            }
        }
        List<Finding> shardFindings = new ArrayList<>();
        for (Map.Entry<String, List<String>> m : missing.entrySet()) {
            // Keras opens a shard when the first layer mapped to it loads, through h5py.
            shardFindings.add(Finding.error(FindingCode.MISSING_SHARD).path(m.getValue().get(0))
                    .found(m.getKey())
                    .message("[Errno 2] Unable to open file (unable to open file: name = '"
                            + m.getKey() + "', errno = 2, error message = 'No such file or "
                            + "directory', flags = 0, o_flags = 0)")
                    .cause("The index lists the shard '" + m.getKey() + "' for "
                            + String.join(", ", m.getValue()) + ", and the file is not beside "
                            + "the index: Keras stops loading there.")
                    .remedies("Copy the missing shard next to the index (every shard the "
                            + "index lists belongs with it).")
                    .build());
        }
        shardFindings.addAll(out);
        return new Result(shardFindings, unheld);
    }

    /** {@code /layers/dense/vars} → {@code layers/dense}; {@code /vars} → "". */
    private static String groupPath(String key) {
        String p = key.startsWith("/") ? key.substring(1) : key;
        if (p.equals("vars")) {
            return "";
        }
        return p.endsWith("/vars") ? p.substring(0, p.length() - "/vars".length()) : p;
    }
}
