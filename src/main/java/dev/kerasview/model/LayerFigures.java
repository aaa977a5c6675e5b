package dev.kerasview.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The figures Keras's {@code summary()} shows for one layer, plus its compute cost.
 *
 * @param outputShapes the shape of each output ({@code [null, 6, 8]}, null for an unknown
 *                     dimension), or null when the shapes cannot be computed from the file
 * @param params       the layer's parameter count, nested layers included
 * @param macs         multiply-accumulate operations per sample, or null when unknown
 */
public record LayerFigures(List<List<Long>> outputShapes, ParamCount params, Long macs) {

    public LayerFigures {
        if (outputShapes != null) {
            List<List<Long>> copy = new ArrayList<>();
            for (List<Long> s : outputShapes) {
                copy.add(s == null ? null : Collections.unmodifiableList(new ArrayList<>(s)));
            }
            outputShapes = Collections.unmodifiableList(copy);
        }
        params = params == null ? ParamCount.UNKNOWN : params;
    }

    /** Nothing known. */
    public static final LayerFigures UNKNOWN = new LayerFigures(null, ParamCount.UNKNOWN, null);

    /** True when every output shape is known. */
    public boolean shapeKnown() {
        return outputShapes != null && outputShapes.stream().noneMatch(Objects::isNull);
    }

    /**
     * The output shape as Keras's summary writes it: {@code (None, 6, 8)}, or
     * {@code ((None, 2), (None, 2))} for several outputs; null when unknown.
     */
    public String outputShapeText() {
        if (!shapeKnown()) {
            return null;
        }
        if (outputShapes.size() == 1) {
            return tuple(outputShapes.get(0));
        }
        List<String> parts = new ArrayList<>();
        for (List<Long> s : outputShapes) {
            parts.add(tuple(s));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    private static String tuple(List<Long> shape) {
        List<String> dims = new ArrayList<>();
        for (Long d : shape) {
            dims.add(d == null ? "None" : d.toString());
        }
        // Keras joins the dimensions without a tuple's trailing comma: (None) for one axis.
        return "(" + String.join(", ", dims) + ")";
    }
}
