package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a legacy h5 {@code training_config} into the Keras 3 {@code compile_config}: the optimizer as a
 * {@code keras.optimizers} envelope with Keras 3's argument names, losses and metrics as the strings Keras 3's
 * compile resolves. Keras 3's legacy-h5 loader fails on some of these ("Could not deserialize
 * 'keras.metrics.mse'"); the compile_config path reads them.
 */
final class TrainingConfig {

    /** Arguments every Keras 3 optimizer takes. */
    private static final Set<String> BASE = Set.of("name", "learning_rate", "weight_decay", "clipnorm",
            "global_clipnorm", "clipvalue", "use_ema", "ema_momentum", "ema_overwrite_frequency",
            "loss_scale_factor", "gradient_accumulation_steps");

    /** Per optimizer: Keras 3's default name and its own arguments (Nadam left out: Keras 2's schedule_decay differs). */
    private static final Map<String, List<String>> OPTIMIZERS = Map.of(
            "Adam", List.of("adam", "beta_1", "beta_2", "epsilon", "amsgrad"),
            "AdamW", List.of("adam_w", "beta_1", "beta_2", "epsilon", "amsgrad"),
            "Adamax", List.of("adamax", "beta_1", "beta_2", "epsilon"),
            "Adagrad", List.of("adagrad", "initial_accumulator_value", "epsilon"),
            "Adadelta", List.of("adadelta", "rho", "epsilon"),
            "RMSprop", List.of("rmsprop", "rho", "momentum", "epsilon", "centered"),
            "SGD", List.of("sgd", "momentum", "nesterov"));

    /** Keys of older optimizer configs that carry no training behaviour. */
    private static final Set<String> IGNORED = Set.of("is_legacy_optimizer", "jit_compile");

    private final List<String> notes;

    TrainingConfig(List<String> notes) {
        this.notes = notes;
    }

    JsonNode translate(JsonNode training) {
        if (training == null || !training.isObject()) {
            return null;
        }
        try {
            ObjectNode out = Json.object();
            out.set("optimizer", optimizer(training.get("optimizer_config")));
            out.set("loss", loss(training.get("loss")));
            out.set("loss_weights", copy(training.get("loss_weights")));
            out.set("metrics", metrics(training.get("metrics")));
            out.set("weighted_metrics", metrics(training.get("weighted_metrics")));
            out.put("run_eagerly", training.path("run_eagerly").asBoolean(false));
            out.set("steps_per_execution", training.has("steps_per_execution")
                    ? training.get("steps_per_execution") : Json.F.numberNode(1));
            out.put("jit_compile", training.path("jit_compile").asBoolean(false));
            JsonNode mode = training.get("sample_weight_mode");
            if (!Json.absent(mode)) {
                throw new Untranslatable("sample_weight_mode=" + mode + " has no Keras 3 compile argument");
            }
            return out;
        } catch (Untranslatable e) {
            notes.add("Compile information dropped: " + e.getMessage()
                    + "; the model loads uncompiled, compile it again before training.");
            return null;
        }
    }

    private JsonNode optimizer(JsonNode given) throws Untranslatable {
        if (given == null || !given.isObject()) {
            throw new Untranslatable("the file records no optimizer");
        }
        String cls = Json.text(given.get("class_name"));
        if (cls != null && cls.contains(">")) {
            // tf.keras 2.11+ registered its new optimizers as Custom>Adam etc.
            cls = cls.substring(cls.indexOf('>') + 1);
        }
        if ("RMSProp".equals(cls)) {
            cls = "RMSprop";
        }
        List<String> known = OPTIMIZERS.get(cls);
        if (known == null) {
            throw new Untranslatable("the optimizer " + cls + " has no exact Keras 3 counterpart kerasview knows");
        }
        ObjectNode config = Json.object();
        JsonNode in = given.path("config");
        config.put("name", Json.text(in.get("name")) != null ? Json.text(in.get("name")) : known.get(0));
        for (String key : Json.keys(in)) {
            JsonNode value = in.get(key);
            String k = key.equals("lr") ? "learning_rate" : key;
            if (k.equals("name") || IGNORED.contains(k)) {
                continue;
            }
            if (k.equals("decay")) {
                if (value.asDouble(0) != 0.0) {
                    throw new Untranslatable(cls + " decay=" + value + " is a Keras 2 learning-rate decay Keras 3"
                            + " optimizers do not have");
                }
                continue;
            }
            if (k.equals("epsilon") && value.isNull()) {
                value = Json.F.numberNode(1e-7); // Keras 2 used backend.epsilon() for a null epsilon
            }
            if (!BASE.contains(k) && !known.contains(k)) {
                throw new Untranslatable(cls + " argument " + key + "=" + value + " has no Keras 3 counterpart");
            }
            if (k.equals("learning_rate") && value.isObject()) {
                value = schedule(value, cls);
            }
            config.set(k, value);
        }
        if ("Adagrad".equals(cls) && !in.has("initial_accumulator_value")) {
            // Keras 1/2's Adagrad started its accumulators at zero and did not record it; Keras 3's default is 0.1
            config.put("initial_accumulator_value", 0.0);
        }
        if (!in.has("name")) {
            notes.add("Optimizer " + cls + ": Keras 2's lr and other arguments became Keras 3's names.");
        }
        return Json.envelope("keras.optimizers", cls, config, null);
    }

    /** The learning-rate schedules whose Keras 2 and 3 configs are the same. */
    private static final Set<String> SCHEDULES = Set.of("ExponentialDecay", "PiecewiseConstantDecay",
            "PolynomialDecay", "InverseTimeDecay", "CosineDecay", "CosineDecayRestarts");

    private JsonNode schedule(JsonNode value, String optimizer) throws Untranslatable {
        if (value.has("module")) {
            return value.deepCopy();
        }
        String cls = Json.text(value.get("class_name"));
        if (!SCHEDULES.contains(cls) || !value.path("config").isObject()) {
            throw new Untranslatable("the learning-rate schedule " + cls + " of " + optimizer + " is not translated");
        }
        return Json.envelope("keras.optimizers.schedules", cls, value.get("config").deepCopy(), null);
    }

    private JsonNode loss(JsonNode loss) throws Untranslatable {
        if (loss != null && loss.isObject() && loss.has("module")) {
            return loss.deepCopy(); // already a Keras 3 envelope
        }
        if (Json.absent(loss) || loss.isTextual()) {
            return copy(loss);
        }
        if (loss.isArray() || loss.isObject() && !loss.has("class_name")) {
            // one loss per output: each must be a name Keras 3 resolves
            for (JsonNode each : loss) {
                if (!each.isTextual() && !each.isNull()) {
                    throw new Untranslatable("the per-output loss " + each + " is not a loss name");
                }
            }
            return loss.deepCopy();
        }
        return lossObject(loss);
    }

    /** Loss classes Keras 3 exports under the same name and arguments as Keras 2 and its own legacy h5 form. */
    private static final Set<String> LOSSES = Set.of("MeanSquaredError", "MeanAbsoluteError",
            "MeanAbsolutePercentageError", "MeanSquaredLogarithmicError", "BinaryCrossentropy",
            "CategoricalCrossentropy", "SparseCategoricalCrossentropy", "Hinge", "SquaredHinge", "CategoricalHinge",
            "Huber", "LogCosh", "KLDivergence", "Poisson", "CosineSimilarity", "BinaryFocalCrossentropy",
            "CategoricalFocalCrossentropy");

    private JsonNode lossObject(JsonNode loss) throws Untranslatable {
        String cls = Json.text(loss.get("class_name"));
        if (!LOSSES.contains(cls) || !loss.path("config").isObject()) {
            throw new Untranslatable("the loss object " + cls + " is not translated");
        }
        ObjectNode config = loss.get("config").deepCopy();
        if ("auto".equals(Json.text(config.get("reduction")))) {
            // tf.keras's "auto" meant sum over batch size inside fit(), Keras 3's default reduction
            config.put("reduction", "sum_over_batch_size");
        }
        return Json.envelope("keras.losses", cls, config, null);
    }

    private JsonNode metrics(JsonNode metrics) throws Untranslatable {
        if (Json.absent(metrics)) {
            return Json.F.nullNode();
        }
        if (!metrics.isArray()) {
            throw new Untranslatable("per-output metrics given as " + metrics.getNodeType() + " are not translated");
        }
        if (metrics.size() == 1 && metrics.get(0).isArray()) {
            // tf.keras wrote one list per output; a single output's list is Keras 3's plain metrics list
            return metricList(metrics.get(0));
        }
        return metricList(metrics);
    }

    private ArrayNode metricList(JsonNode list) throws Untranslatable {
        ArrayNode out = Json.array();
        for (JsonNode m : list) {
            if (m.isTextual() || m.isObject() && m.has("module")) {
                out.add(m.deepCopy()); // a name, or a Keras 3 envelope as Keras 3 wrote it
            } else if (m.isNull()) {
                out.addNull();
            } else if (m.isObject() && "MeanMetricWrapper".equals(Json.text(m.get("class_name")))
                    && m.path("config").path("fn").isTextual()) {
                String fn = m.path("config").path("fn").textValue();
                String name = m.path("config").path("name").asText(fn);
                // metrics=['acc'] was stored as the wrapper of the accuracy it resolved to; the name is kept
                out.add(name.equals("acc") || name.equals("accuracy") ? name : fn);
            } else {
                throw new Untranslatable("the metric " + m + " is not translated");
            }
        }
        return out;
    }

    private static JsonNode copy(JsonNode node) {
        return node == null ? Json.F.nullNode() : node.deepCopy();
    }

    /** A training config part that has no exact Keras 3 compile form. */
    private static final class Untranslatable extends Exception {
        private static final long serialVersionUID = 1L;

        Untranslatable(String message) {
            super(message);
        }
    }
}
