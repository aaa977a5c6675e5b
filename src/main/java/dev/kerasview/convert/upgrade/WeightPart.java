package dev.kerasview.convert.upgrade;

import java.util.Arrays;
import java.util.List;

/**
 * One Keras 3 weight: the stored weights at these indexes (of the layer's {@code weight_names} list),
 * concatenated along {@code concatAxis} (ignored for a single source; negative counts from the end),
 * then, if {@code flipSpatial}, every spatial axis of a convolution kernel reversed (Theano kernels): all axes
 * but the last two, as Keras 2's {@code convert_kernel} does ({@code w[::-1, ::-1, :, :]} for Conv2D);
 * {@code transpose}: null or an axis permutation (numpy {@code transpose} order) applied last. The upgrader
 * never asks for both a flip and a transpose. {@code constant}: null, or a tensor the config held, which is then the
 * weight itself (no sources).
 */
public record WeightPart(List<Integer> sources, int concatAxis, boolean flipSpatial, int[] transpose,
                         ConstantTensor constant) {

    public WeightPart {
        sources = List.copyOf(sources);
        transpose = transpose == null ? null : transpose.clone();
    }

    /** Stored weights rearranged, as the class comment says. */
    public WeightPart(List<Integer> sources, int concatAxis, boolean flipSpatial, int[] transpose) {
        this(sources, concatAxis, flipSpatial, transpose, null);
    }

    /** A weight taken from a constant of the config rather than from a stored tensor. */
    public static WeightPart constant(ConstantTensor value) {
        return new WeightPart(List.of(), 0, false, null, value);
    }

    /** The stored weight at {@code index}, unchanged. */
    public static WeightPart copy(int index) {
        return new WeightPart(List.of(index), 0, false, null);
    }

    @Override
    public int[] transpose() {
        return transpose == null ? null : transpose.clone();
    }

    // arrays compare by content, so that recipes can be compared in tests and maps
    @Override
    public boolean equals(Object o) {
        return o instanceof WeightPart p && sources.equals(p.sources) && concatAxis == p.concatAxis
                && flipSpatial == p.flipSpatial && Arrays.equals(transpose, p.transpose)
                && (constant == null ? p.constant == null : p.constant != null
                && constant.shape().equals(p.constant.shape()) && Arrays.equals(constant.bytes(), p.constant.bytes()));
    }

    @Override
    public int hashCode() {
        return (sources.hashCode() * 31 + concatAxis) * 31 + Boolean.hashCode(flipSpatial) * 17 + Arrays.hashCode(transpose);
    }

    @Override
    public String toString() {
        return "WeightPart[sources=" + sources + ", concatAxis=" + concatAxis + ", flipSpatial=" + flipSpatial
                + ", transpose=" + Arrays.toString(transpose)
                + (constant == null ? "" : ", constant of shape " + constant.shape()) + "]";
    }
}
