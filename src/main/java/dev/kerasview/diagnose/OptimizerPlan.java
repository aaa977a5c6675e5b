package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * The optimizer {@code compile_from_config} creates and how many variables it builds for a given
 * number of trainable variables (KERAS_FORMATS.md §4.6).
 *
 * @param className optimizer class ({@code Adam}); {@code RMSprop} when the compile config names
 *                  none, as {@code compile()} defaults to it
 * @param name      the configured name, or the default lower-case name
 * @param config    the optimizer config, or null for a string or default optimizer
 */
record OptimizerPlan(String className, String name, JsonNode config) {

    private static final Map<String, String> BY_STRING = Map.ofEntries(
            Map.entry("adam", "Adam"), Map.entry("adamw", "AdamW"), Map.entry("sgd", "SGD"),
            Map.entry("rmsprop", "RMSprop"), Map.entry("adagrad", "Adagrad"),
            Map.entry("adadelta", "Adadelta"), Map.entry("adamax", "Adamax"),
            Map.entry("nadam", "Nadam"), Map.entry("ftrl", "Ftrl"), Map.entry("lion", "Lion"),
            Map.entry("lamb", "Lamb"), Map.entry("adafactor", "Adafactor"),
            Map.entry("muon", "Muon"));

    /**
     * The optimizer a compile config creates for a model with this dtype policy: under
     * {@code mixed_float16}, {@code compile()} wraps it in a LossScaleOptimizer.
     */
    static OptimizerPlan from(JsonNode compileConfig, String modelPolicy) {
        OptimizerPlan plan = from(compileConfig);
        if (plan == null || !"mixed_float16".equals(modelPolicy)
                || plan.className().equals("LossScaleOptimizer")) {
            return plan;
        }
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        ObjectNode inner = c.putObject("inner_optimizer");
        inner.put("class_name", plan.className());
        inner.set("config", plan.config() == null
                ? JsonNodeFactory.instance.objectNode()
                : plan.config());
        return new OptimizerPlan("LossScaleOptimizer", "loss_scale_optimizer", c);
    }

    /** The optimizer a non-empty compile config creates, or null when it has none. */
    static OptimizerPlan from(JsonNode compileConfig) {
        if (compileConfig == null || !compileConfig.isObject() || compileConfig.isEmpty()) {
            return null;
        }
        JsonNode opt = compileConfig.get("optimizer");
        if (opt == null || opt.isNull()) {
            return new OptimizerPlan("RMSprop", "rmsprop", null);
        }
        if (opt.isTextual()) {
            String cls = BY_STRING.getOrDefault(opt.asText().toLowerCase(Locale.ROOT),
                    opt.asText());
            return new OptimizerPlan(cls, opt.asText().toLowerCase(Locale.ROOT), null);
        }
        if (Envelope.is(opt)) {
            Envelope e = new Envelope(opt);
            String name = e.name() != null ? e.name() : e.className().toLowerCase(Locale.ROOT);
            return new OptimizerPlan(e.className(), name, e.config());
        }
        return null;
    }

    /**
     * Variables built for {@code n} trainable variables: iteration, learning rate unless it is a
     * schedule, EMA and accumulator copies, then the slots; -1 when the class is irregular.
     */
    /** The wrapped optimizer of a LossScaleOptimizer, or null. */
    OptimizerPlan inner() {
        JsonNode inner = config == null ? null : config.get("inner_optimizer");
        if (!className.equals("LossScaleOptimizer") || inner == null || !Envelope.is(inner)) {
            return null;
        }
        Envelope e = new Envelope(inner);
        return new OptimizerPlan(e.className(), e.name() != null ? e.name()
                : e.className().toLowerCase(Locale.ROOT), e.config());
    }

    int variables(int n) {
        if (className.equals("LossScaleOptimizer")) {
            OptimizerPlan plan = inner();
            int innerCount = plan == null ? -1 : plan.variables(n);
            return innerCount < 0 ? -1 : 4 + innerCount;
        }
        int slots = slots(n);
        if (slots < 0) {
            return -1;
        }
        int count = 1;
        JsonNode lr = config == null ? null : config.get("learning_rate");
        if (lr == null || lr.isNumber()) {
            count++;
        }
        if (flag("use_ema")) {
            count += n;
        }
        JsonNode acc = config == null ? null : config.get("gradient_accumulation_steps");
        if (acc != null && acc.isNumber() && acc.asInt() > 0) {
            count += n;
        }
        return count + slots;
    }

    private int slots(int n) {
        return switch (className) {
            case "SGD" -> number("momentum") > 0 ? n : 0;
            case "Adam", "AdamW" -> 2 * n + (flag("amsgrad") ? n : 0);
            case "RMSprop" -> n + (number("momentum") > 0 ? n : 0) + (flag("centered") ? n : 0);
            case "Adagrad", "Lion" -> n;
            case "Adadelta", "Adamax", "Ftrl", "Lamb" -> 2 * n;
            case "Nadam" -> 2 * n + 1;
            default -> -1;
        };
    }

    private boolean flag(String key) {
        JsonNode v = config == null ? null : config.get(key);
        return v != null && v.asBoolean(false);
    }

    private double number(String key) {
        JsonNode v = config == null ? null : config.get(key);
        return v != null && v.isNumber() ? v.asDouble() : 0;
    }
}
