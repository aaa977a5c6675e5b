package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Element-wise TensorFlow ops as Keras 3 layers that perform the same float32 operation:
 * <ul>
 * <li>two tensors: {@code x + y}, {@code x - y}, {@code x * y} as Add, Subtract, Multiply, which apply
 * {@code ops.add/subtract/multiply} to their two inputs in order (same rank only: for tensors of different rank
 * Keras's merge layers insert axes after the batch axis, TensorFlow broadcasts from the right);</li>
 * <li>a tensor and a scalar c: Rescaling, which computes {@code x * scale + offset} in float32. {@code x + c} is
 * {@code x * 1 + c}, and {@code x * 1 == x} exactly; {@code x - c} is {@code x * 1 + (-c)}, and IEEE subtraction
 * is by definition the addition of the negation; {@code c - x} is {@code x * -1 + c}, negation being exact;
 * {@code x * c} is {@code x * c + (-0.0)}, adding -0.0 changing nothing, not even a zero's sign (+0.0 would turn
 * -0.0 into +0.0); {@code x / c} only for c a power of two, {@code x * (1/c) + (-0.0)}, 1/c being exact and both
 * rounding the same real number. Any other division is refused;</li>
 * <li>relu, relu6, sigmoid, tanh as Activation, which calls the same backend op (tf.nn.relu, ...).</li>
 * </ul>
 */
final class ElementwiseOps {

    private ElementwiseOps() {
    }

    static TfOpTranslation activation(TfOpCall call, String activation) throws UpgradeRefusedException {
        if (!(call.arg(0) instanceof TfOpCall.Tensor x)) {
            throw call.refuse("its input is not a tensor of the model");
        }
        ObjectNode args = Json.object();
        args.put("activation", activation);
        return new TfOpTranslation("Activation", args, List.of(x), null, "Activation('" + activation + "')");
    }

    static TfOpTranslation binary(TfOpCall call, TensorFacts facts) throws UpgradeRefusedException {
        TfOpCall.Arg a = call.arg(0);
        TfOpCall.Arg b = call.arg(1);
        if (a instanceof TfOpCall.Tensor x && b instanceof TfOpCall.Tensor y) {
            return twoTensors(call, facts, x, y);
        }
        if (a instanceof TfOpCall.Tensor x && b instanceof TfOpCall.Constant c) {
            return withScalar(call, x, scalar(call, c), true);
        }
        if (a instanceof TfOpCall.Constant c && b instanceof TfOpCall.Tensor y) {
            return withScalar(call, y, scalar(call, c), false);
        }
        throw call.refuse("its arguments are not a tensor of the model and a tensor or a number");
    }

    private static TfOpTranslation twoTensors(TfOpCall call, TensorFacts facts, TfOpCall.Tensor x, TfOpCall.Tensor y)
            throws UpgradeRefusedException {
        String className = switch (call.operation()) {
            case ADD -> "Add";
            case SUBTRACT -> "Subtract";
            case MULTIPLY -> "Multiply";
            default -> throw call.refuse("Keras 3 has no layer that divides one tensor by another");
        };
        List<Long> xs = facts.shape(x);
        List<Long> ys = facts.shape(y);
        if (xs == null || ys == null || xs.size() != ys.size()) {
            throw call.refuse("Keras's " + className + " layer broadcasts inputs of different rank differently from"
                    + " TensorFlow, and the config does not show that both inputs have the same rank ("
                    + (xs == null ? "unknown" : xs) + " and " + (ys == null ? "unknown" : ys) + ")");
        }
        return new TfOpTranslation(className, Json.object(), List.of(x, y), null, className + " of two tensors");
    }

    private static TfOpTranslation withScalar(TfOpCall call, TfOpCall.Tensor t, float c, boolean tensorFirst)
            throws UpgradeRefusedException {
        float scale;
        float offset;
        String how;
        switch (call.operation()) {
            case ADD -> {
                scale = 1f;
                offset = c;
                how = "x + c as x * 1 + c";
            }
            case SUBTRACT -> {
                scale = tensorFirst ? 1f : -1f;
                offset = tensorFirst ? -c : c;
                how = tensorFirst ? "x - c as x * 1 + (-c)" : "c - x as x * -1 + c";
            }
            case MULTIPLY -> {
                scale = c;
                offset = -0.0f;
                how = "x * c as x * c + (-0.0)";
            }
            default -> {
                if (!tensorFirst) {
                    throw call.refuse("Keras 3 has no layer that divides a number by a tensor");
                }
                if (!powerOfTwo(c)) {
                    throw call.refuse("x / " + c + " is not x * (1 / " + c + ") in float32 for every x (it is only"
                            + " when the divisor is a power of two), and Keras 3 has no layer that divides");
                }
                scale = 1f / c;
                offset = -0.0f;
                how = "x / c as x * (1/c) + (-0.0), c a power of two";
            }
        }
        ObjectNode args = Json.object();
        args.put("scale", (double) scale);
        args.put("offset", (double) offset);
        return new TfOpTranslation("Rescaling", args, List.of(t), null, "Rescaling(" + scale + ", " + offset + "): "
                + how + " with c = " + c);
    }

    private static float scalar(TfOpCall call, TfOpCall.Constant c) throws UpgradeRefusedException {
        JsonNode v = c.value();
        if (v != null && v.isArray() && v.size() == 1 && v.get(0).isNumber()) {
            // a constant of shape [1] broadcasts as a scalar against any tensor of the model (rank >= 1)
            v = v.get(0);
        }
        if (v == null || !v.isNumber()) {
            throw call.refuse("its constant " + c.value() + " is not a single number, and kerasview translates"
                    + " arithmetic with a constant only for a scalar one (Rescaling's scale and offset)");
        }
        float f = (float) v.doubleValue();
        if (!Float.isFinite(f)) {
            throw call.refuse("its constant " + v + " is not a finite float32 number");
        }
        return f;
    }

    /** True when 1/c is exact: c is ±2^k and 1/c is a normal float32 too. */
    static boolean powerOfTwo(float c) {
        if (c == 0f || !Float.isFinite(c)) {
            return false;
        }
        int bits = Float.floatToRawIntBits(Math.abs(c));
        boolean mantissaZero = (bits & 0x7FFFFF) == 0 && Math.getExponent(c) >= Float.MIN_EXPONENT;
        float inverse = 1f / c;
        return mantissaZero && Float.isFinite(inverse) && Math.getExponent(inverse) >= Float.MIN_EXPONENT;
    }
}
