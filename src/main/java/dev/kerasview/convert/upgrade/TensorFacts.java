package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.catalog.FigureTable;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.catalog.ModelSummaries;
import dev.kerasview.config.LayerConfig;
import dev.kerasview.model.LayerFigures;
import java.util.List;
import java.util.Set;

/**
 * What the config tells about one tensor of a Functional graph that an op layer consumes: its shape (from the
 * same output-shape computation the summary uses) and its dtype (an input's declared dtype, or the compute dtype
 * of the built-in layer that made it). Null where the config does not tell.
 */
final class TensorFacts {

    /** Built-in classes whose outputs are integers or strings whatever their dtype policy. */
    private static final Set<String> NON_FLOAT_OUTPUTS = Set.of("TextVectorization", "StringLookup",
            "IntegerLookup", "Hashing", "Discretization", "CategoryEncoding", "HashedCrossing");

    private final ArrayNode layers;
    private final FigureTable figures;

    /** Facts over {@code layers}, a Functional config's layer list in its tf.keras form. */
    TensorFacts(ArrayNode layers, JsonNode modelConfig) {
        this.layers = layers;
        ObjectNode config = Json.object();
        config.put("name", "model");
        config.set("layers", layers);
        config.set("input_layers", modelConfig.path("input_layers"));
        config.set("output_layers", modelConfig.path("output_layers"));
        ObjectNode model = Json.object();
        model.put("class_name", "Model");
        model.set("config", config);
        this.figures = new ModelSummaries().compute(model, envelope -> null);
    }

    /** The tensor's shape with its batch axis ({@code [null, 2, 3]}), or null when unknown. */
    List<Long> shape(TfOpCall.Tensor t) {
        JsonNode entry = producer(t.layer());
        if (entry == null || t.nodeIndex() != 0 || new LayerConfig(entry).inboundCalls() > 1) {
            return null;
        }
        LayerFigures f = figures.of(entry);
        if (f == null || f.outputShapes() == null || t.tensorIndex() >= f.outputShapes().size()) {
            return null;
        }
        return f.outputShapes().get(t.tensorIndex());
    }

    /** The tensor's dtype ({@code float32}), or null when the config does not tell it. */
    String dtype(TfOpCall.Tensor t) {
        JsonNode entry = producer(t.layer());
        if (entry == null) {
            return null;
        }
        LayerConfig layer = new LayerConfig(entry);
        if (layer.isInputLayer()) {
            return layer.config().path("dtype").isTextual() ? layer.config().path("dtype").asText() : "float32";
        }
        if (layer.hasLayerList() || !LayerCatalog.builtInNames().contains(layer.className())
                || NON_FLOAT_OUTPUTS.contains(layer.className()) || "Lambda".equals(layer.className())) {
            return null;
        }
        String policy = layer.dtypePolicy();
        if (policy == null) {
            return "float32"; // tf.keras's default policy: floatx, float32 unless changed
        }
        return policy.startsWith("mixed_") ? policy.substring("mixed_".length()) : policy;
    }

    private JsonNode producer(String name) {
        for (JsonNode entry : layers) {
            if (name.equals(new LayerConfig(entry).name())) {
                return entry;
            }
        }
        return null;
    }
}
