package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the converter's output differs from Keras's own files of a fixture, each for a stated
 * reason; everything else must be equal.
 */
final class KnownDifferences {

    private KnownDifferences() {
    }

    /**
     * Configs: the converter replaces lambda's bytecode Lambda by the Rescaling that computes the same
     * (see {@link #asRescaling}); vae_ok's top-level class is written with its registered name
     * {@code vae>VAEOk} so Keras's legacy loader can find it (Keras writes {@code VAEOk} and then
     * fails with "Unknown layer: 'VAEOk'").
     */
    static JsonNode config(String fixture, JsonNode config) {
        JsonNode copy = config.deepCopy();
        if (fixture.equals("lambda")) {
            ObjectNode layer = (ObjectNode) copy.path("config").path("layers").get(2);
            if ("Lambda".equals(layer.path("class_name").asText())) {
                asRescaling(layer);
            }
        }
        if (fixture.equals("vae_ok")) {
            ((ObjectNode) copy).put("class_name", "VAEOk");
        }
        return copy;
    }

    /**
     * Keras's own entry of the fixture's Lambda (t * 2.0 + 1.0) rewritten as the converter writes it
     * (LambdaReplacement): Rescaling(scale=2.0, offset=1.0) under the same name, called without the mask
     * keyword, which only a call with a mask parameter (Lambda's) receives.
     */
    private static void asRescaling(ObjectNode layer) {
        ObjectNode old = (ObjectNode) layer.get("config");
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.set("name", old.get("name"));
        c.set("trainable", old.get("trainable"));
        c.set("dtype", old.get("dtype"));
        c.put("scale", 2.0);
        c.put("offset", 1.0);
        layer.put("class_name", "Rescaling");
        layer.set("config", c);
        for (var node : layer.path("inbound_nodes")) {
            ((ObjectNode) node).set("kwargs", JsonNodeFactory.instance.objectNode());
        }
    }

    /**
     * Weight names as the converter writes them for Keras's names. compiled_trained.h5 was
     * written by a model Keras had re-loaded from .keras, whose Sequential layers were built
     * outside the model's name scope, so Keras's names lack the model prefix that models built
     * in Python have (mlp.h5, cnn.h5); the converter writes the names of the model as built.
     * A custom class's variable names live in its Python code, not in the file: the converter
     * names them by their saved keys. Keras's legacy loader pairs weights by position only.
     */
    static List<String> weightNames(String fixture, String layer, List<String> kerasNames) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < kerasNames.size(); i++) {
            String n = kerasNames.get(i);
            if (fixture.equals("compiled_trained")) {
                n = "compiled_trained/" + n;
            } else if (fixture.equals("custom_layer") && layer.equals("scaled_dense")) {
                n = "scaled_dense/" + i;
            }
            out.add(n);
        }
        return out;
    }

    /** Optimizer variable names follow the weight names (compiled_trained, see above). */
    static List<String> optimizerNames(String fixture, List<String> kerasNames) {
        if (!fixture.equals("compiled_trained")) {
            return kerasNames;
        }
        return kerasNames.stream().map(n -> n.startsWith("adam/") && !n.equals("adam/iteration")
                && !n.equals("adam/learning_rate") ? "adam/compiled_trained_" + n.substring(5) : n).toList();
    }
}
