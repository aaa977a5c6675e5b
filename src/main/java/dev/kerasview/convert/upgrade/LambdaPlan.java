package dev.kerasview.convert.upgrade;

import java.util.List;

/** The built-in layers that compute what a Lambda's Python function computed, operation for operation. */
sealed interface LambdaPlan {

    /** What the function computes, as Python source ({@code x * 2.0 + 1.0}). */
    String computes();

    /** One input through layers in order: each a Rescaling or a Multiply of the tensor with itself. */
    record Chain(String computes, List<Step> steps) implements LambdaPlan {
        public Chain {
            steps = List.copyOf(steps);
        }

        /** True when a step needs two inputs, which a Sequential cannot wire. */
        boolean needsGraph() {
            return steps.stream().anyMatch(s -> s instanceof Square);
        }
    }

    /** A two-tensor input list combined by a merge layer ({@code Add}, {@code Multiply}, {@code Subtract}). */
    record Merge(String computes, String className) implements LambdaPlan {
    }

    /** One layer of a chain. */
    sealed interface Step {
    }

    /** Rescaling: {@code x * scale + offset} in float32; offset -0.0 adds nothing, even to -0.0. */
    record Scale(double scale, double offset) implements Step {
    }

    /**
     * {@code Multiply()([x, x])}.
     *
     * @param fromPower written {@code x ** 2}: NumPy (np.square), JAX and torch compute it as x * x, but
     *                  TensorFlow's CPU pow (glibc 2.36 powf) differs from x * x in the last bit for 1,548,806
     *                  of the 4,278,190,082 non-NaN float32 values (counted exhaustively)
     */
    record Square(boolean fromPower) implements Step {
    }
}
