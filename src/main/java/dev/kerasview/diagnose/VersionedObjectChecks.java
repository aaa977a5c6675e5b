package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.catalog.LoaderBehaviour;
import dev.kerasview.catalog.ObjectKind;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a model config that one Keras version reads differently from another, apart
 * from layer arguments: the initializers, regularizers and constraints a layer's constructor
 * rebuilds (class names it resolves, arguments it takes) and the functional-config forms its
 * {@code functional_from_config} reads. Applies to .keras, legacy .h5 and JSON configs alike:
 * every loader constructs the layers the same way. Used by the config checks in the order
 * Keras meets the objects.
 */
final class VersionedObjectChecks {

    private final KerasRelease release;
    private final List<Finding> findings = new ArrayList<>();

    VersionedObjectChecks(KerasRelease release) {
        this.release = release;
    }

    /**
     * The errors of the initializers, regularizers and constraints a layer's constructor
     * rebuilds from {@code config} (the layer's own, not those of layers nested in it, which
     * are checked as their own objects), in config order.
     */
    List<Finding> objectsIn(JsonNode config, String layer) {
        findings.clear();
        objects(config, layer);
        return List.copyOf(findings);
    }

    /**
     * The errors {@code functional_from_config} raises for flat endpoints, anywhere in the config
     * (nested models too); it reads them after rebuilding every layer.
     */
    List<Finding> endpoints(JsonNode root) {
        findings.clear();
        models(root);
        return List.copyOf(findings);
    }

    private void objects(JsonNode node, String layer) {
        if (node == null || !(node.isArray() || node.isObject())) {
            return;
        }
        if (Envelope.is(node)) {
            Envelope e = new Envelope(node);
            Optional<ObjectKind> kind = ObjectKind.ofModule(e.module());
            if (kind.isPresent() && !e.className().contains(">")) {
                builtIn(kind.get(), e, layer);
            }
            return; // another layer or model: checked as its own object
        }
        for (JsonNode child : node) {
            objects(child, layer);
        }
    }

    private void models(JsonNode node) {
        if (node == null || !(node.isArray() || node.isObject())) {
            return;
        }
        if (Envelope.is(node) && node.get("config").isObject()) {
            endpoints(new Envelope(node));
        }
        for (JsonNode child : node) {
            models(child);
        }
    }

    /** An initializer, regularizer or constraint object: resolved by name, built with its config. */
    private void builtIn(ObjectKind kind, Envelope e, String layer) {
        String cls = e.className();
        Set<String> accepted = release.accepted(kind, cls);
        if (accepted == null) {
            report(Finding.error(FindingCode.UNKNOWN_CLASS)
                    .layer(layer).className(cls)
                    .message("Could not interpret " + kind.id() + " identifier: "
                            + PythonValues.repr(e.node()))
                    .cause("'" + cls + "' is the " + kind.id() + "'s name in other Keras versions; "
                            + "Keras " + release.version() + " does not know it by that name.")
                    .remedies(Remedies.RESAVE)
                    .build());
            return;
        }
        JsonNode config = e.config();
        if (config == null || !config.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = config.fields();
        while (it.hasNext()) {
            String key = it.next().getKey();
            if (!accepted.contains(key)) {
                // Python names only the first unexpected keyword.
                report(Finding.error(FindingCode.UNRECOGNIZED_ARGUMENT)
                        .layer(layer).className(cls)
                        .message(cls + ".__init__() got an unexpected keyword argument '" + key + "'")
                        .cause("The " + kind.id() + " was saved by a Keras version whose " + cls
                                + " takes '" + key + "'; Keras " + release.version()
                                + "'s does not.")
                        .remedies(Remedies.RESAVE)
                        .build());
                return;
            }
        }
    }

    /**
     * A functional model's {@code input_layers}/{@code output_layers} in the flat form
     * {@code ["x", 0, 0]} that Keras 3.12 and later write for a single input or output: a
     * version without that form unpacks the layer's name into get_tensor's arguments.
     */
    private void endpoints(Envelope e) {
        if (release.does(LoaderBehaviour.FLAT_FUNCTIONAL_ENDPOINTS)) {
            return;
        }
        JsonNode c = e.config();
        if (!c.has("layers") || !c.has("input_layers")) {
            return;
        }
        for (String key : List.of("input_layers", "output_layers")) {
            JsonNode ends = c.get(key);
            if (ends == null || !ends.isArray() || ends.isEmpty() || !ends.get(0).isTextual()) {
                continue;
            }
            int given = ends.get(0).asText().length();
            String problem = given == 3 ? "cannot look up a layer named '"
                    + ends.get(0).asText().charAt(0) + "'" : given < 3
                    ? "missing " + (3 - given) + " required positional argument"
                    + (given == 1 ? "s: 'node_index' and 'tensor_index'" : ": 'tensor_index'")
                    : "takes 3 positional arguments but " + given + " were given";
            report(Finding.error(FindingCode.INVALID_CONFIG)
                    .layer(e.name()).className(e.className())
                    .message("functional_from_config.<locals>.get_tensor() " + problem)
                    .cause("The model's " + key + " is in the flat form [\"name\", 0, 0] that "
                            + "Keras 3.12 and later write for a single " + key.substring(0,
                            key.indexOf('_')) + "; Keras " + release.version()
                            + " reads only the nested form [[\"name\", 0, 0]].")
                    .remedies(Remedies.CONVERT, Remedies.RESAVE)
                    .build());
            return;
        }
    }

    private void report(Finding f) {
        // Repeats across layers are folded by FindingMerger, as for layer arguments.
        findings.add(f);
    }
}
