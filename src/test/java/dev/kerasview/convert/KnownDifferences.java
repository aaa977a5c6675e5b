package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
     * Configs: lambda.h5/.json were written by a process that re-marshalled the lambda's bytecode
     * (other bytes, same function); vae_ok's top-level class is written with its registered name
     * {@code vae>VAEOk} so Keras's legacy loader can find it (Keras writes {@code VAEOk} and then
     * fails with "Unknown layer: 'VAEOk'").
     */
    static JsonNode config(String fixture, JsonNode config) {
        JsonNode copy = config.deepCopy();
        if (fixture.equals("lambda")) {
            ((ObjectNode) copy.path("config").path("layers").get(2).path("config").path("function")
                    .path("config")).set("code", TextNode.valueOf("<bytecode>"));
        }
        if (fixture.equals("vae_ok")) {
            ((ObjectNode) copy).put("class_name", "VAEOk");
        }
        return copy;
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
