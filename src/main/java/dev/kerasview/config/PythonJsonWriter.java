package dev.kerasview.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree the way Python's {@code json.dumps} does with default arguments:
 * {@code ", "} and {@code ": "} separators, non-ASCII escaped, NaN and infinities bare.
 * Keras reads either form; matching Python keeps converted files byte-comparable.
 */
final class PythonJsonWriter {

    private PythonJsonWriter() {
    }

    static String write(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        append(sb, node);
        return sb.toString();
    }

    private static void append(StringBuilder sb, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            sb.append("null");
        } else if (node.isObject()) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            boolean first = true;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                appendString(sb, e.getKey());
                sb.append(": ");
                append(sb, e.getValue());
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                append(sb, node.get(i));
            }
            sb.append(']');
        } else if (node.isTextual()) {
            appendString(sb, node.textValue());
        } else if (node.isBoolean()) {
            sb.append(node.booleanValue() ? "true" : "false");
        } else if (node.isInt() || node.isLong()) {
            // most numbers in a config; no BigInteger on the way (a model has thousands of them)
            sb.append(node.longValue());
        } else if (node.isIntegralNumber()) {
            sb.append(node.bigIntegerValue().toString());
        } else if (node.isNumber()) {
            appendDouble(sb, node.doubleValue());
        } else {
            sb.append(node.toString());
        }
    }

    private static void appendDouble(StringBuilder sb, double d) {
        if (Double.isNaN(d)) {
            sb.append("NaN");
        } else if (Double.isInfinite(d)) {
            sb.append(d > 0 ? "Infinity" : "-Infinity");
        } else {
            sb.append(PythonFloat.repr(d));
        }
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        int plain = plainPrefix(s);
        // nearly every key and value is plain ASCII: copied in one go
        sb.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Length of the leading part of {@code s} that needs no escaping. */
    private static int plainPrefix(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return i;
            }
        }
        return s.length();
    }
}
