package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.convert.upgrade.python.CodeFormatException;
import dev.kerasview.convert.upgrade.python.DecodedFunction;
import dev.kerasview.convert.upgrade.python.Expr;
import dev.kerasview.convert.upgrade.python.LambdaDecoder;
import dev.kerasview.convert.upgrade.python.Operator;
import dev.kerasview.convert.upgrade.python.PyValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which built-in Keras 3 layers compute exactly what a Lambda's marshalled function computes, or
 * refuses, saying what the function computes. A float32 tensor times, plus or minus a Python number is done
 * in float32 with the number rounded to float32 in every backend; Rescaling computes
 * {@code cast(x) * float32(scale) + float32(offset)} (keras/src/layers/preprocessing/rescaling.py), so:
 * {@code x * c} is Rescaling(c, -0.0) (adding -0.0 changes no value, -0.0 included), {@code x + c} is
 * Rescaling(1.0, c), {@code x - c} is Rescaling(1.0, -c) and {@code c - x} is Rescaling(-1.0, c) (IEEE
 * subtraction is addition of the negation, and negation is exact); a multiplication followed by an addition
 * is one Rescaling. Division by c equals multiplication by 1/c only when c is a power of two.
 */
final class LambdaTranslation {

    private static final int MAX_LAYERS = 3;
    private static final BigInteger EXACT_INT = BigInteger.ONE.shiftLeft(53);

    private LambdaTranslation() {
    }

    /** The plan for a Lambda whose function is stored bytecode; empty when it names a function instead. */
    static Optional<LambdaPlan> plan(String layerName, JsonNode config) throws UpgradeRefusedException {
        Optional<StoredLambda> stored = StoredLambda.of(config);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        DecodedFunction f;
        try {
            f = LambdaDecoder.decode(stored.get().marshalled());
        } catch (CodeFormatException e) {
            throw refuse(layerName, "; " + e.getMessage());
        }
        String computes = f.body().source();
        String what = " (" + f.python() + "); it computes " + computes;
        if (f.code().argCount() != 1 || f.code().kwOnlyArgCount() > 0 || f.code().variadic()) {
            throw refuse(layerName, " (" + f.python() + "): " + f.source() + " takes other parameters than the"
                    + " layer's input, so no built-in layer replaces it exactly");
        }
        if (stored.get().capturesValues() || f.code().freeVarCount() > 0) {
            throw refuse(layerName, what + " with values captured from the Python code that built it (defaults or"
                    + " a closure), which kerasview does not carry over");
        }
        JsonNode arguments = config.get("arguments");
        if (arguments != null && arguments.isObject() && !arguments.isEmpty()) {
            throw refuse(layerName, what + " with the extra arguments " + arguments
                    + ", which kerasview does not carry over");
        }
        Optional<String> merge = merge(f.body());
        if (merge.isPresent()) {
            return Optional.of(new LambdaPlan.Merge(computes, merge.get()));
        }
        List<Raw> ops = new ArrayList<>();
        String why = ops(f.body(), ops);
        if (why != null) {
            throw refuse(layerName, what + ", " + why);
        }
        List<LambdaPlan.Step> steps = fuse(ops);
        if (steps.isEmpty()) {
            throw refuse(layerName, what + ", its input unchanged; kerasview leaves such a Lambda to you");
        }
        if (steps.size() > MAX_LAYERS) {
            throw refuse(layerName, what + ", which would take " + steps.size() + " built-in layers; kerasview"
                    + " replaces a Lambda by at most " + MAX_LAYERS);
        }
        return Optional.of(new LambdaPlan.Chain(computes, steps));
    }

    /** The refusal, with the advice every refused Lambda gets. */
    static UpgradeRefusedException refuse(String layerName, String detail) {
        return new UpgradeRefusedException(Reason.PYTHON_LAMBDA, List.of(layerName),
                "Layer '" + layerName + "' is a Lambda whose function is stored as marshalled Python bytecode"
                        + detail + ". Keras 3 refuses to run such bytecode in safe mode and cannot read it when"
                        + " another Python version wrote it. Rewrite the function as a named function registered"
                        + " with @keras.saving.register_keras_serializable() (or as a custom layer), rebuild the"
                        + " model with it, and load the weights of the other layers into it.");
    }

    /** {@code x[0] + x[1]}, {@code x[0] * x[1]} (either order) and {@code x[0] - x[1]}. */
    private static Optional<String> merge(Expr body) {
        if (!(body instanceof Expr.Binary b)) {
            return Optional.empty();
        }
        int left = item(b.left());
        int right = item(b.right());
        if (left < 0 || right < 0 || left == right) {
            return Optional.empty();
        }
        boolean inOrder = left == 0;
        return switch (b.operator()) {
            case ADD -> Optional.of("Add");
            case MULTIPLY -> Optional.of("Multiply");
            case SUBTRACT -> inOrder ? Optional.of("Subtract") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** 0 or 1 for {@code x[0]} or {@code x[1]} of the parameter, else -1. */
    private static int item(Expr e) {
        if (e instanceof Expr.Subscript s && s.object() instanceof Expr.Param
                && s.index() instanceof Expr.Const c && c.value() instanceof PyValue.Int i
                && (i.value().intValue() == 0 || i.value().intValue() == 1) && i.value().bitLength() < 2) {
            return i.value().intValue();
        }
        return -1;
    }

    /** One float32 operation on the tensor. */
    private record Raw(Kind kind, double value) {
        enum Kind { MUL, ADD, RSUB, SQUARE, POWER_2 }
    }

    /**
     * Appends the operations that compute {@code e} from the parameter, innermost first; returns why not
     * (a phrase after "it computes ...,") when {@code e} is not such a chain.
     */
    private static String ops(Expr e, List<Raw> out) {
        if (e instanceof Expr.Param) {
            return null;
        }
        if (e instanceof Expr.Unary u && u.operator() == Operator.NEGATIVE) {
            String why = ops(u.operand(), out);
            out.add(new Raw(Raw.Kind.MUL, -1.0));
            return why;
        }
        if (!(e instanceof Expr.Binary b)) {
            return "which is not arithmetic with Python numbers on the input; no built-in layer is known to"
                    + " compute it exactly";
        }
        Double left = number(b.left());
        Double right = number(b.right());
        String bad = badConstant(b.left(), left);
        bad = bad != null ? bad : badConstant(b.right(), right);
        if (bad != null) {
            return bad;
        }
        Operator op = b.operator();
        if (left == null && right == null) {
            if ((op == Operator.MULTIPLY) && b.left().equals(b.right())) {
                String why = ops(b.left(), out);
                out.add(new Raw(Raw.Kind.SQUARE, 0));
                return why;
            }
            return "which combines the input with itself in a way no built-in layer is known to compute exactly";
        }
        if (left != null && right != null) {
            return "which holds no tensor operation";
        }
        Expr tensor = left == null ? b.left() : b.right();
        double c = left == null ? right : left;
        String why = ops(tensor, out);
        if (why != null) {
            return why;
        }
        switch (op) {
            case MULTIPLY -> out.add(new Raw(Raw.Kind.MUL, c));
            case ADD -> out.add(new Raw(Raw.Kind.ADD, c));
            case SUBTRACT -> out.add(left == null ? new Raw(Raw.Kind.ADD, -c) : new Raw(Raw.Kind.RSUB, c));
            case TRUE_DIVIDE, CLASSIC_DIVIDE -> {
                if (left != null) {
                    return "a division by the tensor, which no built-in layer computes bit-exactly";
                }
                double inverse = exactInverse(c);
                if (Double.isNaN(inverse)) {
                    return "which no built-in layer computes bit-exactly: Rescaling multiplies, and x / "
                            + b.right().source() + " equals x * (1 / " + b.right().source()
                            + ") for every x only when the divisor is a power of two";
                }
                out.add(new Raw(Raw.Kind.MUL, inverse));
            }
            case POWER -> {
                if (left != null || c != 2.0) {
                    return "a power other than x ** 2, which no built-in layer computes bit-exactly";
                }
                out.add(new Raw(Raw.Kind.POWER_2, 0));
            }
            default -> {
                return "and no built-in layer computes '" + op.symbol().trim() + "' exactly";
            }
        }
        return null;
    }

    /** The value of an int or float constant, else null. */
    private static Double number(Expr e) {
        if (e instanceof Expr.Const c) {
            if (c.value() instanceof PyValue.Float f) {
                return f.value();
            }
            if (c.value() instanceof PyValue.Int i) {
                return i.value().doubleValue();
            }
        }
        return null;
    }

    /** Why a constant operand cannot be carried as a float32 Rescaling factor, or null when it can. */
    private static String badConstant(Expr e, Double value) {
        if (!(e instanceof Expr.Const c)) {
            return null;
        }
        if (value == null) {
            return "with the constant " + c.value().repr() + ", which is not a number kerasview carries over";
        }
        if (c.value() instanceof PyValue.Int i && i.value().abs().compareTo(EXACT_INT) > 0) {
            return "with the integer " + i.value() + ", too large to carry exactly";
        }
        if (!Float.isFinite((float) (double) value)) {
            // NumPy 1.x computes in float64 when a Python float does not fit float32; Rescaling always in float32
            return "with the constant " + c.value().repr() + ", which is not a finite float32";
        }
        return null;
    }

    /** 1/c when float32(c) is a power of two whose inverse float32 holds exactly, else NaN. */
    private static double exactInverse(double c) {
        float f = (float) c;
        int bits = Float.floatToIntBits(Math.abs(f));
        boolean powerOfTwo = f != 0 && Float.isFinite(f) && (bits & 0x7FFFFF) == 0 && (bits >>> 23) != 0;
        if (!powerOfTwo) {
            return Double.NaN;
        }
        double inverse = 1.0 / f;
        return (double) (float) inverse == inverse && inverse != 0 && Float.isFinite((float) inverse)
                ? inverse : Double.NaN;
    }

    /**
     * Rescaling layers from the operations: a multiplication (negation is x * -1.0) and the addition after it
     * share one layer; {@code c - y} is y * -1.0 + c, so it folds the sign into the multiplication before it.
     */
    private static List<LambdaPlan.Step> fuse(List<Raw> ops) {
        List<LambdaPlan.Step> out = new ArrayList<>();
        Double scale = null;
        for (Raw op : ops) {
            switch (op.kind()) {
                case SQUARE, POWER_2 -> {
                    if (scale != null) {
                        out.add(new LambdaPlan.Scale(scale, -0.0));
                        scale = null;
                    }
                    out.add(new LambdaPlan.Square(op.kind() == Raw.Kind.POWER_2));
                }
                case MUL -> {
                    if (scale != null) {
                        out.add(new LambdaPlan.Scale(scale, -0.0));
                    }
                    scale = op.value();
                }
                case ADD -> {
                    out.add(new LambdaPlan.Scale(scale == null ? 1.0 : scale, op.value()));
                    scale = null;
                }
                case RSUB -> {
                    out.add(new LambdaPlan.Scale(scale == null ? -1.0 : -scale, op.value()));
                    scale = null;
                }
            }
        }
        if (scale != null) {
            out.add(new LambdaPlan.Scale(scale, -0.0));
        }
        return out;
    }
}
