package dev.kerasview.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mutates a Keras JSON document (a {@code config.json}, {@code metadata.json} or {@code to_json}
 * text): invalid JSON, wrong types, missing keys, huge numbers, deep nesting, odd roots and strings.
 */
final class JsonMutator {

    /** One mutated document and what was done to it. */
    record Mutation(String detail, byte[] bytes) {
    }

    /** Keys whose absence or wrong type matters most to a Keras reader. */
    private static final List<String> KEY_NAMES = List.of(
            "class_name", "config", "layers", "name", "inbound_nodes", "build_config", "input_shape",
            "batch_shape", "units", "dtype", "module", "registered_name", "input_layers", "output_layers",
            "layer", "cell", "filters", "kernel_size", "keras_version", "shared_object_id", "args", "kwargs");

    /** Marker replaced by a raw literal after serialization (JSON text Jackson would not write). */
    private static final String LITERAL = "@@FUZZ_LITERAL@@";

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10_000).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final JsonNode original;
    private final String text;

    JsonMutator(byte[] json) throws JsonProcessingException {
        this.text = new String(json, StandardCharsets.UTF_8);
        this.original = MAPPER.readTree(text);
    }

    /** The mutation kinds, in a fixed order; {@link #mutate} picks one per call. */
    static final List<String> KINDS = List.of(
            "invalid-json", "wrong-type", "missing-key", "huge-number", "deep-nesting",
            "root-type", "odd-string", "duplicate-key", "nested-models");

    /** A mutation of the given kind, with details chosen by {@code rnd}. */
    Mutation mutate(String kind, Random rnd) {
        return switch (kind) {
            case "invalid-json" -> invalidJson(rnd);
            case "wrong-type" -> wrongType(rnd);
            case "missing-key" -> missingKey(rnd);
            case "huge-number" -> hugeNumber(rnd);
            case "deep-nesting" -> deepNesting(rnd);
            case "root-type" -> rootType(rnd);
            case "odd-string" -> oddString(rnd);
            case "duplicate-key" -> duplicateKey(rnd);
            case "nested-models" -> nestedModels(rnd);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private Mutation invalidJson(Random rnd) {
        int at = rnd.nextInt(Math.max(1, text.length()));
        return switch (rnd.nextInt(6)) {
            case 0 -> of("cut at char " + at, text.substring(0, at));
            case 1 -> {
                int brace = nthIndexOf(text, rnd.nextBoolean() ? '{' : '}', rnd);
                yield of("brace at " + brace + " removed", text.substring(0, brace) + text.substring(brace + 1));
            }
            case 2 -> {
                int quote = nthIndexOf(text, '"', rnd);
                yield of("quote at " + quote + " removed", text.substring(0, quote) + text.substring(quote + 1));
            }
            case 3 -> of("trailing garbage", text + ", }]");
            case 4 -> {
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                int p = rnd.nextInt(b.length);
                b[p] = (byte) (0x80 | rnd.nextInt(0x80));
                yield new Mutation("invalid UTF-8 byte at " + p, b);
            }
            default -> of("NUL at " + at, text.substring(0, at) + '\0' + text.substring(at));
        };
    }

    private Mutation wrongType(Random rnd) {
        JsonNode copy = original.deepCopy();
        Slot slot = pickSlot(copy, rnd, true);
        if (slot == null) {
            return rootType(rnd);
        }
        JsonNode current = slot.get();
        JsonNode replacement = switch (rnd.nextInt(6)) {
            case 0 -> current.isNumber() ? TextNode.valueOf("12") : JsonNodeFactory.instance.numberNode(7);
            case 1 -> current.isTextual() ? JsonNodeFactory.instance.arrayNode().add(current) : TextNode.valueOf("x");
            case 2 -> current.isObject() ? JsonNodeFactory.instance.arrayNode().add(1) : JsonNodeFactory.instance.objectNode();
            case 3 -> JsonNodeFactory.instance.nullNode();
            case 4 -> JsonNodeFactory.instance.booleanNode(true);
            default -> current.isArray() ? JsonNodeFactory.instance.objectNode().put("0", 1) : JsonNodeFactory.instance.arrayNode();
        };
        slot.set(replacement);
        return of(slot.where() + " (" + current.getNodeType() + ") became " + replacement.getNodeType(), write(copy));
    }

    private Mutation missingKey(Random rnd) {
        JsonNode copy = original.deepCopy();
        List<Slot> slots = slots(copy, "", new ArrayList<>()).stream().filter(s -> s.key() != null).toList();
        if (slots.isEmpty()) {
            return rootType(rnd);
        }
        List<Slot> important = slots.stream().filter(s -> s.key() != null && KEY_NAMES.contains(s.key())).toList();
        List<Slot> pool = !important.isEmpty() && rnd.nextInt(4) != 0 ? important : slots;
        Slot slot = pool.get(rnd.nextInt(pool.size()));
        ((ObjectNode) slot.parent()).remove(slot.key());
        return of(slot.where() + " removed", write(copy));
    }

    private Mutation hugeNumber(Random rnd) {
        JsonNode copy = original.deepCopy();
        List<Slot> numbers = slots(copy, "", new ArrayList<>()).stream().filter(s -> s.get().isNumber()).toList();
        Slot slot = numbers.isEmpty() ? pickSlot(copy, rnd, false) : numbers.get(rnd.nextInt(numbers.size()));
        String[] literals = {"1e400", "-1e400", "18446744073709551616", "99999999999999999999999999999999999999",
            "1099511627776", "-1", "-2147483648", "9223372036854775807", "NaN", "Infinity", "1e-400", "4294967296"};
        String literal = literals[rnd.nextInt(literals.length)];
        if (slot == null) {
            return of("root became " + literal, literal);
        }
        slot.set(TextNode.valueOf(LITERAL));
        return of(slot.where() + " became " + literal, write(copy).replace('"' + LITERAL + '"', literal));
    }

    private Mutation deepNesting(Random rnd) {
        int[] depths = {1_500, 2_500, 100_000};
        int depth = depths[rnd.nextInt(depths.length)];
        boolean arrays = rnd.nextBoolean();
        String deep = arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        JsonNode copy = original.deepCopy();
        Slot slot = pickSlot(copy, rnd, false);
        String what = (arrays ? "arrays" : "objects") + " nested " + depth + " deep";
        if (slot == null) {
            return of("root became " + what, deep);
        }
        slot.set(TextNode.valueOf(LITERAL));
        return of(slot.where() + " became " + what, write(copy).replace('"' + LITERAL + '"', deep));
    }

    private Mutation rootType(Random rnd) {
        String[] roots = {"[]", "null", "\"model\"", "42", "{}", "true", "", " ", "[" + text + "]"};
        int i = rnd.nextInt(roots.length);
        return of("root replaced by " + (i == roots.length - 1 ? "[original]" : "'" + roots[i] + "'"), roots[i]);
    }

    private Mutation oddString(Random rnd) {
        JsonNode copy = original.deepCopy();
        List<Slot> strings = slots(copy, "", new ArrayList<>()).stream().filter(s -> s.get().isTextual()).toList();
        if (strings.isEmpty()) {
            return rootType(rnd);
        }
        Slot slot = strings.get(rnd.nextInt(strings.size()));
        String[] values = {"", "\u0000", "../../../../etc/passwd", "/tmp/abs", "a/b/c", "A".repeat(1 << 20),
            LITERAL + "lone", "名前 ü \uD83D\uDE00", "\\", "vars"};
        String value = values[rnd.nextInt(values.length)];
        if (value.equals(LITERAL + "lone")) {
            slot.set(TextNode.valueOf(LITERAL));
            return of(slot.where() + " became a lone surrogate", write(copy).replace('"' + LITERAL + '"', "\"\\ud800x\""));
        }
        slot.set(TextNode.valueOf(value));
        return of(slot.where() + " became '" + (value.length() > 40 ? value.length() + " chars" : value) + "'", write(copy));
    }

    private Mutation duplicateKey(Random rnd) {
        List<Integer> objects = new ArrayList<>();
        for (int i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
            objects.add(i);
        }
        if (objects.isEmpty()) {
            return rootType(rnd);
        }
        int at = objects.get(rnd.nextInt(objects.size()));
        String key = KEY_NAMES.get(rnd.nextInt(KEY_NAMES.size()));
        String value = rnd.nextBoolean() ? "42" : "{\"class_name\": \"Nope\"}";
        // the duplicate comes last, as Python's json keeps the last occurrence
        int close = matchingClose(text, at);
        String mutated = close < 0 ? text : text.substring(0, close) + (close > at + 1 ? ", " : "")
                + "\"" + key + "\": " + value + text.substring(close);
        return of("duplicate key '" + key + "' in object at " + at, mutated);
    }

    /** The model wrapped as the only layer of a Sequential, hundreds of times over. */
    private Mutation nestedModels(Random rnd) {
        int depth = new int[] {50, 300, 600}[rnd.nextInt(3)];
        JsonNode model = original;
        for (int i = 0; i < depth; i++) {
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            wrapper.put("module", "keras").put("class_name", "Sequential").putNull("registered_name");
            ObjectNode config = wrapper.putObject("config");
            config.put("name", "wrapper_" + i);
            ArrayNode layers = config.putArray("layers");
            layers.add(model);
            model = wrapper;
        }
        return of("model wrapped in " + depth + " Sequentials", write(model));
    }

    /** A place in the tree that can be replaced: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String key, int index, String where) {
        JsonNode get() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode value) {
            if (key != null) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private Slot pickSlot(JsonNode root, Random rnd, boolean preferKeys) {
        List<Slot> all = slots(root, "", new ArrayList<>());
        if (all.isEmpty()) {
            return null;
        }
        if (preferKeys && rnd.nextInt(3) != 0) {
            List<Slot> important = all.stream().filter(s -> s.key() != null && KEY_NAMES.contains(s.key())).toList();
            if (!important.isEmpty()) {
                return important.get(rnd.nextInt(important.size()));
            }
        }
        return all.get(rnd.nextInt(all.size()));
    }

    private static List<Slot> slots(JsonNode node, String path, List<Slot> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String where = path + "/" + field.getKey();
                out.add(new Slot(node, field.getKey(), -1, where));
                slots(field.getValue(), where, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String where = path + "/" + i;
                out.add(new Slot(node, null, i, where));
                slots(node.get(i), where, out);
            }
        }
        return out;
    }

    private static int nthIndexOf(String s, char c, Random rnd) {
        List<Integer> at = new ArrayList<>();
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
            at.add(i);
        }
        return at.isEmpty() ? 0 : at.get(rnd.nextInt(at.size()));
    }

    /** Index of the brace closing the object opened at {@code open}, skipping strings. */
    private static int matchingClose(String s, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree built from parsed JSON always serializes", e);
        }
    }

    private static Mutation of(String detail, String json) {
        return new Mutation(detail, json.getBytes(StandardCharsets.UTF_8));
    }
}
