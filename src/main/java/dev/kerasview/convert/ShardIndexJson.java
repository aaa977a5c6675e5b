package dev.kerasview.convert;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.kerasview.config.KerasJson;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The text of a sharded weights index as Keras writes it: Python's {@code json.dumps(config,
 * indent=4)} of {@code {"metadata": {"total_size": <float bytes>}, "weight_map": {...}}}, no
 * newline at the end.
 */
final class ShardIndexJson {

    private ShardIndexJson() {
    }

    static String of(ShardPlan plan) {
        StringBuilder s = new StringBuilder();
        s.append("{\n    \"metadata\": {\n        \"total_size\": ").append(pythonFloat(plan.totalBits()))
                .append("\n    },\n    \"weight_map\": ");
        if (plan.weightMap().isEmpty()) {
            s.append("{}");
        } else {
            s.append("{\n");
            Iterator<Map.Entry<String, ShardPlan.Entry>> it = plan.weightMap().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, ShardPlan.Entry> e = it.next();
                s.append("        ").append(quote(e.getKey())).append(": ");
                List<String> files = e.getValue().shards();
                if (!e.getValue().asList()) {
                    s.append(quote(files.get(0)));
                } else {
                    s.append("[\n");
                    for (int i = 0; i < files.size(); i++) {
                        s.append("            ").append(quote(files.get(i))).append(i + 1 < files.size() ? ",\n" : "\n");
                    }
                    s.append("        ]");
                }
                s.append(it.hasNext() ? ",\n" : "\n");
            }
            s.append("    }");
        }
        return s.append("\n}").toString();
    }

    /** Bytes from bits as Python prints the float Keras sums ({@code 4428.0}, {@code 12.125}). */
    static String pythonFloat(long bits) {
        String plain = BigDecimal.valueOf(bits).divide(BigDecimal.valueOf(8)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** A JSON string as Python writes it ({@code ensure_ascii}: non-ASCII as lower-case \\u escapes). */
    static String quote(String text) {
        return KerasJson.toPythonJson(TextNode.valueOf(text));
    }
}
