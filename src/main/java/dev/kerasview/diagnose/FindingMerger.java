package dev.kerasview.diagnose;

import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds repeated findings about one class (seventeen DepthwiseConv2D layers with the same
 * rejected argument) into one, naming the other layers; per-layer load failures stay separate.
 */
final class FindingMerger {

    private static final Set<FindingCode> PER_CLASS = EnumSet.of(
            FindingCode.UNRECOGNIZED_ARGUMENT, FindingCode.UNKNOWN_CLASS, FindingCode.CUSTOM_OBJECT,
            FindingCode.LAMBDA, FindingCode.FUNCTION_ARGUMENT, FindingCode.MODULE_NOT_FOUND);

    private FindingMerger() {
    }

    static List<Finding> merge(List<Finding> findings) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (Finding f : findings) {
            if (!PER_CLASS.contains(f.code())) {
                order.add(f);
                continue;
            }
            String key = f.severity() + "|" + f.code() + "|" + f.className();
            if (!groups.containsKey(key)) {
                groups.put(key, new ArrayList<>());
                order.add(key);
            }
            groups.get(key).add(f);
        }
        List<Finding> out = new ArrayList<>();
        for (Object o : order) {
            if (o instanceof Finding f) {
                out.add(f);
                continue;
            }
            List<Finding> same = groups.get(o);
            Finding first = same.get(0);
            if (same.size() == 1) {
                out.add(first);
                continue;
            }
            List<String> others = new ArrayList<>();
            for (Finding f : same.subList(1, same.size())) {
                if (f.layer() != null && !f.layer().equals(first.layer())) {
                    others.add(f.layer());
                }
            }
            String message = others.isEmpty() ? first.message() : first.message()
                    + " (the same for " + others.size() + " more layer"
                    + (others.size() == 1 ? "" : "s") + ": " + shortList(others) + ")";
            out.add(first.withMessage(message));
        }
        return out;
    }

    private static String shortList(List<String> names) {
        if (names.size() <= 5) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 5)) + ", ...";
    }
}
