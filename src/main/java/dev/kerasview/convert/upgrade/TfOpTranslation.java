package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The built-in Keras layer that computes what one op layer computed.
 *
 * @param className the Keras class
 * @param arguments its constructor arguments (name, trainable and dtype are added)
 * @param inputs    the tensors it is called on, in order
 * @param recipe    its weights when the op held a constant that becomes one, else null
 * @param how       a few words for the conversion notes ({@code 1.0 - x as x * -1 + 1})
 */
record TfOpTranslation(String className, ObjectNode arguments, List<TfOpCall.Tensor> inputs, WeightRecipe recipe,
                       String how) {

    TfOpTranslation {
        inputs = List.copyOf(inputs);
    }

    /**
     * The layer entry in tf.keras's Functional form, named {@code name}, for the upgrade to read as written. A layer
     * holding a former constant is not trainable: TensorFlow never trained the constant.
     */
    ObjectNode entry(String name) {
        ObjectNode config = Json.object();
        config.put("name", name);
        config.put("trainable", recipe == null);
        config.put("dtype", "float32");
        config.setAll(arguments);
        ArrayNode call = Json.array();
        for (TfOpCall.Tensor t : inputs) {
            ArrayNode ref = Json.array();
            ref.add(t.layer()).add(t.nodeIndex()).add(t.tensorIndex()).add(Json.object());
            call.add(ref);
        }
        ObjectNode entry = Json.object();
        entry.put("class_name", className);
        entry.set("config", config);
        entry.put("name", name);
        entry.set("inbound_nodes", Json.array().add(call));
        return entry;
    }
}
