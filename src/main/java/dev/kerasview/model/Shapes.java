package dev.kerasview.model;

import java.util.List;

/** Facts about tensor shapes that every layer of kerasview shares. */
public final class Shapes {

    private Shapes() {
    }

    /** Number of elements of a tensor of {@code shape} (1 for a scalar's empty shape). */
    public static long elementCount(List<Long> shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
