package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.catalog.LayerArgumentTable;
import dev.kerasview.catalog.LoaderBehaviour;
import dev.kerasview.catalog.ObjectKind;
import dev.kerasview.config.KerasJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites a Keras 3 config into the form an older Keras version reads, by the version table
 * alone: drops constructor arguments that version does not know where the value is the
 * default (so nothing changes meaning), renames classes to the name that version resolves
 * (Orthogonal to OrthogonalInitializer), nests flat functional endpoints; refuses where a
 * non-default value has no equivalent.
 */
final class TargetVersionConfig {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final KerasVersionTable versions;
    private final KerasRelease target;

    TargetVersionConfig(KerasVersionTable versions, KerasRelease target) {
        this.versions = versions;
        this.target = target;
    }

    /** The config in the target version's form, with a note for every change. */
    KerasConfigSource apply(KerasConfigSource source) throws ConversionRefusedException {
        JsonNode copy = source.config().deepCopy();
        List<String> notes = new ArrayList<>(source.notes());
        Changes changes = new Changes(notes);
        visit(copy, null, changes);
        if (changes.count > 0) {
            notes.add("written for Keras " + target.version() + ": " + changes.count + " change"
                    + (changes.count == 1 ? "" : "s") + " of form, none of meaning");
        }
        return new KerasConfigSource(copy, notes, source.recipes());
    }

    /** The notes of one rewrite and how many changes it made. */
    private static final class Changes {
        final List<String> notes;
        int count;

        Changes(List<String> notes) {
            this.notes = notes;
        }

        void note(String text) {
            count++;
            if (!notes.contains(text)) {
                notes.add(text);
            }
        }
    }

    private void visit(JsonNode node, String layer, Changes changes) throws ConversionRefusedException {
        if (node instanceof ArrayNode list) {
            for (JsonNode n : list) {
                visit(n, layer, changes);
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String enclosing = layer;
        if (object.path("class_name").isTextual() && object.get("config") instanceof ObjectNode config) {
            Optional<ObjectKind> kind = kindOf(object);
            if (kind.isPresent()) {
                rewrite(kind.get(), object, config, layer, changes);
            }
            endpoints(config, changes);
            if (config.path("name").isTextual()) {
                enclosing = config.get("name").asText();
            }
        }
        for (JsonNode child : object) {
            visit(child, enclosing, changes);
        }
    }

    /** Which kind of built-in object this is; empty for models, custom classes and the rest. */
    private Optional<ObjectKind> kindOf(ObjectNode object) {
        String module = object.path("module").asText("");
        JsonNode registered = object.get("registered_name");
        if (registered != null && registered.isTextual() && registered.asText().contains(">")) {
            return Optional.empty();
        }
        Optional<ObjectKind> nested = ObjectKind.ofModule(module);
        if (nested.isPresent()) {
            return nested;
        }
        boolean layers = module.equals("keras.layers") || module.startsWith("keras.src.layers");
        return layers && versions.newest().resolves(ObjectKind.LAYER, object.get("class_name").asText())
                ? Optional.of(ObjectKind.LAYER) : Optional.empty();
    }

    private void rewrite(ObjectKind kind, ObjectNode object, ObjectNode config, String layer,
                         Changes changes) throws ConversionRefusedException {
        String original = object.get("class_name").asText();
        String cls = targetName(kind, original).orElseThrow(() -> refusal(original + (layer == null ? ""
                : " in layer '" + layer + "'") + ": Keras " + target.version() + " has no " + kind.id()
                + " of that name or an equivalent one"));
        if (!cls.equals(original)) {
            object.put("class_name", cls);
            changes.note("renamed the " + kind.id() + " " + original + " to " + cls + ", its name in Keras "
                    + target.version());
        }
        Set<String> accepted = target.accepted(kind, cls);
        if (accepted.contains(LayerArgumentTable.ANY_KEYWORD)) {
            return;
        }
        for (String key : new ArrayList<>(iterable(config))) {
            if (accepted.contains(key)) {
                continue;
            }
            JsonNode value = config.get(key);
            Optional<String> dflt = versions.defaultValue(kind, original, key);
            if (dflt.isEmpty() || !same(value, dflt.get())) {
                throw refusal(original + (layer == null ? "" : " '" + layer + "'") + " sets " + key + "="
                        + value + ", which Keras " + target.version() + "'s " + cls + " does not accept"
                        + (dflt.isPresent() ? " (only its default " + dflt.get() + " could be left out)" : "")
                        + ": no equivalent exists in that version");
            }
            config.remove(key);
            changes.note("left out " + original + "'s " + key + "=" + value + " (its default; Keras "
                    + target.version() + " does not know the argument)");
        }
    }

    /** The name the target resolves to the same Python class (an alias in some version). */
    private Optional<String> targetName(ObjectKind kind, String name) {
        if (target.resolves(kind, name)) {
            return Optional.of(name);
        }
        for (KerasRelease r : versions.releases()) {
            String python = r.resolvedClass(kind, name);
            if (python == null) {
                continue;
            }
            Optional<String> alias = r.classes().getOrDefault(kind, Map.of()).entrySet().stream()
                    .filter(e -> e.getValue().equals(python) && target.resolves(kind, e.getKey()))
                    .map(Map.Entry::getKey).sorted().findFirst();
            if (alias.isPresent()) {
                return alias;
            }
        }
        return Optional.empty();
    }

    /** Flat {@code input_layers: ["x", 0, 0]} nested as {@code [["x", 0, 0]]} for versions without the flat form. */
    private void endpoints(ObjectNode config, Changes changes) {
        if (target.does(LoaderBehaviour.FLAT_FUNCTIONAL_ENDPOINTS) || !config.has("layers")) {
            return;
        }
        for (String key : List.of("input_layers", "output_layers")) {
            JsonNode ends = config.get(key);
            if (ends instanceof ArrayNode flat && !flat.isEmpty() && flat.get(0).isTextual()) {
                ArrayNode nested = JSON.arrayNode();
                nested.add(flat);
                config.set(key, nested);
                changes.note("nested the model's " + key + " " + flat + " as Keras " + target.version()
                        + " reads them");
            }
        }
    }

    private static boolean same(JsonNode value, String defaultJson) {
        JsonNode d;
        try {
            d = KerasJson.parse(defaultJson);
        } catch (IOException e) {
            return false;
        }
        if (value.isNumber() && d.isNumber()) {
            return value.doubleValue() == d.doubleValue();
        }
        return value.equals(d);
    }

    private static List<String> iterable(ObjectNode config) {
        List<String> keys = new ArrayList<>();
        config.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private ConversionRefusedException refusal(String message) {
        return new ConversionRefusedException(ConversionRefusal.NO_EXACT_FORM, "refused for Keras "
                + target.version() + ": " + message);
    }
}
