package dev.kerasview.model;

/**
 * A parameter count as Keras's {@code summary()} reports it; a null part is not known.
 *
 * @param total        all parameters (elements of the layer's weights), or null
 * @param trainable    elements of its trainable weights, or null
 * @param nonTrainable elements of its non-trainable weights, or null
 */
public record ParamCount(Long total, Long trainable, Long nonTrainable) {

    /** No parameters. */
    public static final ParamCount ZERO = new ParamCount(0L, 0L, 0L);

    /** Nothing known. */
    public static final ParamCount UNKNOWN = new ParamCount(null, null, null);

    /** A count whose split into trainable and non-trainable is known. */
    public static ParamCount of(long trainable, long nonTrainable) {
        return new ParamCount(trainable + nonTrainable, trainable, nonTrainable);
    }

    /** A total whose split is not known (a custom layer's stored weights). */
    public static ParamCount totalOnly(long total) {
        return new ParamCount(total, null, null);
    }

    /** The sum of two counts; each part stays unknown if either side's is. */
    public ParamCount plus(ParamCount other) {
        return new ParamCount(add(total, other.total), add(trainable, other.trainable),
                add(nonTrainable, other.nonTrainable));
    }

    /** The same count with every parameter non-trainable (a frozen layer). */
    public ParamCount frozen() {
        return new ParamCount(total, total == null ? null : 0L, total);
    }

    /** True when all three parts are known. */
    public boolean known() {
        return total != null && trainable != null && nonTrainable != null;
    }

    private static Long add(Long a, Long b) {
        return a == null || b == null ? null : a + b;
    }
}
