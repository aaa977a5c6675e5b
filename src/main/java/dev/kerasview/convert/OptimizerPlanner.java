package dev.kerasview.convert;

import dev.kerasview.config.SnakeCase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.VariableInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the saved optimizer variables the way Keras's legacy writer does
 * ({@code adam/iteration}, {@code adam/dense_kernel_momentum}, ...) when the saved state is
 * complete for the model's trainable variables (KERAS_FORMATS.md §4.6, §6.3).
 */
final class OptimizerPlanner {

    /** The optimizer part of a plan. */
    record Result(String name, List<PlannedWeight> weights, List<String> notes) {
    }

    Result plan(JsonNode root, H5Group store, List<PlannedLayer> layers,
                Map<String, VariableInfo> readerVariables) {
        JsonNode compile = root.path("compile_config");
        JsonNode optimizer = compile.path("optimizer");
        H5Group group = store.find("optimizer").orElse(null);
        H5Group vars = group == null ? null : group.group("vars").orElse(null);
        if (optimizer.isMissingNode() || optimizer.isNull() || vars == null) {
            return new Result(null, List.of(), List.of());
        }
        List<H5Dataset> saved = vars.datasets();
        String cls = optimizer.isTextual() ? optimizer.asText() : optimizer.path("class_name").asText("");
        JsonNode cfg = optimizer.path("config");
        String name = vars.stringAttribute("name");
        if (name == null) {
            name = cfg.path("name").asText(SnakeCase.of(cls));
        }
        // model.trainable_variables: every top-level layer's trainable weights, each variable once.
        Map<String, String> trainable = new LinkedHashMap<>();
        for (PlannedLayer l : layers) {
            for (PlannedWeight w : l.weights()) {
                if (w.trainable()) {
                    trainable.putIfAbsent(w.source().path(), w.name().replace('/', '_'));
                }
            }
        }
        List<String> expected = expectedNames(cls, cfg, new ArrayList<>(trainable.values()));
        if (expected == null) {
            return new Result(null, List.of(), List.of("optimizer " + cls + " is not one whose "
                    + "variables kerasview can name; its state is not converted (the model will "
                    + "start with a fresh optimizer)"));
        }
        if (expected.size() != saved.size()) {
            return new Result(null, List.of(), List.of("optimizer '" + name + "' saved "
                    + saved.size() + " variables where " + expected.size() + " are expected for "
                    + trainable.size() + " trainable variables; its state is not converted (the "
                    + "model will start with a fresh optimizer)"));
        }
        List<PlannedWeight> out = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            H5Dataset d = saved.get(i);
            VariableInfo v = readerVariables.getOrDefault(d.path(),
                    new VariableInfo(d.key(), d.shape(), d.dtype(), d.byteSize(), false, d.path(), null));
            out.add(new PlannedWeight(name + "/" + expected.get(i), v, false));
        }
        return new Result(name, out, List.of());
    }

    /** Variable names in creation order, or null for an optimizer whose layout is not known. */
    private static List<String> expectedNames(String cls, JsonNode cfg, List<String> vars) {
        List<String> out = new ArrayList<>();
        out.add("iteration");
        JsonNode lr = cfg.path("learning_rate");
        if (lr.isNumber() || lr.isMissingNode()) {
            out.add("learning_rate");
        }
        if (cfg.path("use_ema").asBoolean(false)) {
            vars.forEach(v -> out.add(v + "_average"));
        }
        JsonNode acc = cfg.path("gradient_accumulation_steps");
        if (acc.isNumber() && acc.asInt() > 0) {
            vars.forEach(v -> out.add(v + "_gradient_accumulator"));
        }
        switch (cls) {
            case "Adam", "AdamW" -> {
                interleave(out, vars, "momentum", "velocity");
                if (cfg.path("amsgrad").asBoolean(false)) {
                    vars.forEach(v -> out.add(v + "_velocity_hat"));
                }
            }
            case "SGD" -> {
                if (cfg.path("momentum").asDouble(0) > 0) {
                    vars.forEach(v -> out.add(v + "_momentum"));
                }
            }
            case "RMSprop" -> {
                vars.forEach(v -> out.add(v + "_velocity"));
                if (cfg.path("momentum").asDouble(0) > 0) {
                    vars.forEach(v -> out.add(v + "_momentum"));
                }
                if (cfg.path("centered").asBoolean(false)) {
                    vars.forEach(v -> out.add(v + "_average_gradient"));
                }
            }
            case "Adagrad" -> vars.forEach(v -> out.add(v + "_accumulator"));
            case "Adadelta" -> interleave(out, vars, "accumulated_grad", "accumulated_delta_var");
            case "Adamax" -> interleave(out, vars, "momentum", "norm");
            case "Nadam" -> {
                interleave(out, vars, "momentum", "velocity");
                out.add("u_product");
            }
            case "Ftrl" -> interleave(out, vars, "accumulator", "linear");
            case "Lion" -> vars.forEach(v -> out.add(v + "_momentum"));
            default -> {
                return null;
            }
        }
        return out;
    }

    private static void interleave(List<String> out, List<String> vars, String a, String b) {
        for (String v : vars) {
            out.add(v + "_" + a);
            out.add(v + "_" + b);
        }
    }
}
