package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** JSON values printed as Python's repr, the way Keras's messages show config values. */
final class PythonValues {

    private PythonValues() {
    }

    static String repr(JsonNode v) {
        if (v == null || v.isNull()) {
            return "None";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "True" : "False";
        }
        if (v.isTextual()) {
            return "'" + v.asText() + "'";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(repr(x)));
            return "[" + String.join(", ", items) + "]";
        }
        if (v.isObject()) {
            List<String> items = new ArrayList<>();
            v.fields().forEachRemaining(f -> items.add("'" + f.getKey() + "': "
                    + repr(f.getValue())));
            return "{" + String.join(", ", items) + "}";
        }
        return v.asText();
    }
}
