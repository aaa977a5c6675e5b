package dev.kerasview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.config.KerasJson;
import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.model.Finding;
import java.util.List;

/** The {@code diagnose --json} object, shaped exactly as DESIGN.md specifies. */
final class DiagnosisJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DiagnosisJson() {
    }

    static String write(Diagnosis d) {
        ObjectNode root = JSON.objectNode();
        root.put("file", d.file());
        root.put("format", d.format().id());
        root.put("kerasVersion", d.kerasVersion());
        root.put("loads", d.loads());
        verdict(root, d);
        return KerasJson.toCompactJson(root);
    }

    /** The verdict's {@code requires} and {@code findings}, shared with {@code compat --json}. */
    static void verdict(ObjectNode root, Diagnosis d) {
        ArrayNode requires = root.putArray("requires");
        for (Diagnosis.Requirement r : d.requires()) {
            ObjectNode o = requires.addObject();
            o.put("name", r.name());
            ArrayNode layers = o.putArray("layers");
            r.layers().forEach(layers::add);
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : d.findings()) {
            ObjectNode o = findings.addObject();
            o.put("severity", f.severity().id());
            o.put("code", f.code().id());
            o.put("layer", f.layer());
            o.put("className", f.className());
            o.put("path", f.path());
            o.set("expected", value(f.expected()));
            o.set("found", value(f.found()));
            o.put("message", f.message());
            o.put("cause", f.cause());
            ArrayNode remedies = o.putArray("remedies");
            f.remedies().forEach(remedies::add);
        }
    }

    /** A count, a shape, a text, or null. */
    static JsonNode value(Object v) {
        if (v == null) {
            return JSON.nullNode();
        }
        if (v instanceof Number n) {
            return JSON.numberNode(n.longValue());
        }
        if (v instanceof List<?> list) {
            ArrayNode a = JSON.arrayNode();
            for (Object o : list) {
                a.add(value(o));
            }
            return a;
        }
        return JSON.textNode(String.valueOf(v));
    }
}
