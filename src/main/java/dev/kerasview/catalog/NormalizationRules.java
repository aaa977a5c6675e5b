package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Batch, layer, group, RMS and adaptable normalization, and PReLU (shapes from axes). */
final class NormalizationRules {

    private NormalizationRules() {
    }

    static List<VariableSpec> batchNormalization(JsonNode config, BuildShapes shapes) {
        List<Long> c = axisShape(config.get("axis"), shapes.input(), false);
        List<VariableSpec> out = scaleAndCenter(config, c);
        out.add(new VariableSpec("moving_mean", c, false));
        out.add(new VariableSpec("moving_variance", c, false));
        if (Dims.flag(config, "renorm", false)) {
            out.add(new VariableSpec("moving_stddev", c, false));
            out.add(new VariableSpec("renorm_mean", c, false));
            out.add(new VariableSpec("renorm_stddev", c, false));
        }
        return out;
    }

    static List<VariableSpec> layerNormalization(JsonNode config, BuildShapes shapes) {
        List<Long> c = axisShape(config.get("axis"), shapes.input(), true);
        boolean rms = Dims.flag(config, "rms_scaling", false);
        List<VariableSpec> out = new ArrayList<>();
        if (Dims.flag(config, "scale", true) || rms) {
            out.add(new VariableSpec("gamma", c, true));
        }
        if (Dims.flag(config, "center", true) && !rms) {
            out.add(new VariableSpec("beta", c, true));
        }
        return out;
    }

    static List<VariableSpec> groupNormalization(JsonNode config, BuildShapes shapes) {
        return scaleAndCenter(config, axisShape(config.get("axis"), shapes.input(), false));
    }

    /** gamma when {@code scale}, beta when {@code center} (both default on), of shape {@code c}. */
    private static List<VariableSpec> scaleAndCenter(JsonNode config, List<Long> c) {
        List<VariableSpec> out = new ArrayList<>();
        if (Dims.flag(config, "scale", true)) {
            out.add(new VariableSpec("gamma", c, true));
        }
        if (Dims.flag(config, "center", true)) {
            out.add(new VariableSpec("beta", c, true));
        }
        return out;
    }

    static List<VariableSpec> rmsNormalization(JsonNode config, BuildShapes shapes) {
        return List.of(new VariableSpec("scale",
                axisShape(config.get("axis"), shapes.input(), true), true));
    }

    /** Adaptable Normalization: mean, variance, count unless mean/variance are in config. */
    static List<VariableSpec> normalization(JsonNode config, BuildShapes shapes) {
        JsonNode mean = config.get("mean");
        if (mean != null && !mean.isNull()) {
            return List.of();
        }
        List<Long> input = shapes.input();
        List<Long> kept = null;
        List<Integer> axes = Dims.axes(config.get("axis"));
        if (input != null) {
            TreeSet<Integer> keep = new TreeSet<>();
            if (axes != null) {
                for (int a : axes) {
                    keep.add(a < 0 ? a + input.size() : a);
                }
            } else if (!config.has("axis")) {
                keep.add(input.size() - 1);
            }
            kept = new ArrayList<>();
            for (int d : keep) {
                kept.add(Dims.at(input, d));
            }
            kept = Dims.known(kept);
        }
        List<VariableSpec> out = new ArrayList<>();
        out.add(new VariableSpec("mean", kept, false));
        out.add(new VariableSpec("variance", kept, false));
        out.add(new VariableSpec("count", List.of(), false));
        return out;
    }

    static List<VariableSpec> prelu(JsonNode config, BuildShapes shapes) {
        List<Long> input = shapes.input();
        List<Long> alpha = null;
        if (input != null && !input.isEmpty()) {
            alpha = new ArrayList<>(input.subList(1, input.size()));
            List<Integer> shared = Dims.axes(config.get("shared_axes"));
            if (shared != null) {
                for (int i : shared) {
                    int at = i - 1;
                    if (at < 0) {
                        at += alpha.size() + 1;
                    }
                    if (at >= 0 && at < alpha.size()) {
                        alpha.set(at, 1L);
                    }
                }
            }
            alpha = Dims.known(alpha);
        }
        return List.of(new VariableSpec("alpha", alpha, true));
    }

    /**
     * The shape of the dimensions on {@code axis}: an int gives {@code (dim,)}; a list gives the
     * sorted dims when {@code listAsShape}, else (BatchNormalization) its single element.
     */
    static List<Long> axisShape(JsonNode axisNode, List<Long> input, boolean listAsShape) {
        List<Integer> axes = Dims.axes(axisNode);
        if (axes == null) {
            axes = List.of(-1);
        }
        if (input == null) {
            return null;
        }
        if (axisNode != null && axisNode.isArray() && listAsShape) {
            List<Integer> sorted = new ArrayList<>(axes);
            sorted.sort(null);
            List<Long> out = new ArrayList<>();
            for (int a : sorted) {
                out.add(Dims.at(input, a));
            }
            return Dims.known(out);
        }
        if (axes.size() != 1) {
            // Keras 3 BatchNormalization/GroupNormalization take a single int axis.
            List<Long> out = new ArrayList<>();
            for (int a : axes) {
                out.add(Dims.at(input, a));
            }
            return Dims.known(out);
        }
        return Dims.of(Dims.at(input, axes.get(0)));
    }
}
