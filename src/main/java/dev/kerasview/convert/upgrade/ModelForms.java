package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Sequential and Functional models in Keras 3's form: Keras 1/2 list-form Sequential configs become
 * {@code {"name", "layers"}}, the input shape a first layer declared becomes an InputLayer, and Keras 2's
 * {@code Model} becomes {@code Functional}. Layer entries go back through {@link LayerUpgrader}.
 */
final class ModelForms {

    private final UpgradeRun run;
    private final LayerUpgrader layers;
    private final TfOpLayers tfOps;

    ModelForms(UpgradeRun run, LayerUpgrader layers) {
        this.run = run;
        this.layers = layers;
        this.tfOps = new TfOpLayers(run);
    }

    ObjectNode upgrade(String className, JsonNode config, String name, boolean root) throws UpgradeRefusedException {
        run.modelDepth++;
        try {
            ObjectNode model = "Sequential".equals(className) ? sequential(config, root) : functional(config, name);
            if (!root) {
                // Keras 3 writes an empty compile_config on every nested model; the root's is the converter's
                model.set("compile_config", Json.object());
            }
            return model;
        } finally {
            run.modelDepth--;
        }
    }

    private ObjectNode sequential(JsonNode given, boolean root) throws UpgradeRefusedException {
        JsonNode config = given;
        if (given != null && given.isArray()) {
            // Keras <= 2.1 wrote a Sequential's config as the bare list of its layers
            ObjectNode wrapped = Json.object();
            wrapped.put("name", "sequential");
            wrapped.set("layers", given);
            config = wrapped;
            run.note("Sequential: the Keras 1/2 list-form config became {\"name\": \"sequential\", \"layers\": [...]}.");
        }
        if (config == null || !config.path("layers").isArray()) {
            throw new UpgradeRefusedException(Reason.INEXACT, List.of(),
                    "A Sequential model in the config has no list of layers; the file's model config is damaged.");
        }
        String name = Json.text(config.get("name")) == null ? "sequential" : Json.text(config.get("name"));
        ArrayNode in = (ArrayNode) config.get("layers");
        ArrayNode out = Json.array();
        JsonNode batchShape = null;
        if (in.size() > 0 && !"InputLayer".equals(Json.text(in.get(0).get("class_name")))) {
            JsonNode first = in.get(0).path("config");
            ArrayNode declared = first.isObject()
                    ? InputLayers.declaredShape(Json.text(in.get(0).get("class_name")), first) : null;
            if (declared != null) {
                String firstName = Json.text(first.get("name"));
                String inputName = (firstName == null ? "sequential" : firstName) + "_input";
                String dtype = InputLayers.dtypeName(first.has("input_dtype") ? first.get("input_dtype") : first.get("dtype"));
                out.add(Json.envelope("keras.layers", "InputLayer",
                        InputLayers.make(declared, dtype, false, false, inputName, false), null));
                batchShape = declared;
                run.note("Sequential '" + name + "': the input shape " + declared + " that layer '" + firstName
                        + "' declared became the InputLayer '" + inputName + "'.");
            }
        }
        for (JsonNode entry : in) {
            ObjectNode layer = layers.layer(entry, false, false);
            if (batchShape == null && "InputLayer".equals(Json.text(layer.get("class_name")))) {
                batchShape = layer.path("config").get("batch_shape");
            }
            out.add(layer);
        }
        if (batchShape == null && config.has("build_input_shape") && !config.get("build_input_shape").isNull()) {
            batchShape = config.get("build_input_shape");
        }
        if (batchShape == null && root) {
            throw new UpgradeRefusedException(Reason.INEXACT, List.of(name),
                    "Sequential '" + name + "' records no input shape, so Keras 3 cannot build it to load its weights."
                            + " Load it in the Keras that wrote it, call it once on an input (or add an Input layer),"
                            + " save again and convert that file.");
        }
        ObjectNode c = Json.object();
        c.put("name", name);
        c.set("trainable", config.has("trainable") ? config.get("trainable") : Json.F.booleanNode(true));
        c.set("dtype", NestedObjects.dtype(config.get("dtype"), name, run));
        c.set("layers", out);
        if (batchShape != null) {
            c.set("build_input_shape", batchShape.deepCopy());
        }
        ObjectNode envelope = Json.envelope("keras", "Sequential", c, null);
        if (batchShape != null) {
            ObjectNode build = Json.object();
            build.set("input_shape", batchShape.deepCopy());
            envelope.set("build_config", build);
        }
        return envelope;
    }

    /**
     * Keras 2 wrote a model's inputs and outputs as a list even for one tensor, and its models returned
     * that one tensor bare; Keras 3 returns what the structure says (a list of one, which the next layer of a
     * Sequential then receives), and writes a single tensor as the bare triple.
     */
    private JsonNode endpoints(JsonNode given, String name, String what) {
        if (run.preKeras3() && given.isArray() && given.size() == 1 && given.get(0).isArray()) {
            run.note("Model '" + name + "': its single " + what + " entry " + given + " became " + given.get(0)
                    + ", as Keras 3 writes one tensor, so that the model returns a tensor, not a list of one.");
            return given.get(0).deepCopy();
        }
        return given.deepCopy();
    }

    private ObjectNode functional(JsonNode config, String name) throws UpgradeRefusedException {
        if (config == null || !config.path("layers").isArray()) {
            throw new UpgradeRefusedException(Reason.INEXACT, List.of(name),
                    "Model '" + name + "' has no list of layers; the file's model config is damaged.");
        }
        ObjectNode c = Json.object();
        c.set("name", config.has("name") ? config.get("name") : Json.F.textNode(name));
        c.set("trainable", config.has("trainable") ? config.get("trainable") : Json.F.booleanNode(true));
        ArrayNode out = Json.array();
        for (JsonNode entry : tfOps.translate(config)) {
            out.add(layers.layer(entry, true, false));
        }
        c.set("layers", out);
        c.set("input_layers", endpoints(config.path("input_layers"), name, "inputs"));
        c.set("output_layers", endpoints(config.path("output_layers"), name, "outputs"));
        ObjectNode envelope = Json.envelope("keras.src.models.functional", "Functional", c, "Functional");
        ObjectNode build = Json.object();
        build.putNull("input_shape");
        envelope.set("build_config", build);
        return envelope;
    }
}
