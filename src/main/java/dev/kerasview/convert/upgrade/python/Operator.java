package dev.kerasview.convert.upgrade.python;

/** Python's binary and unary operators, with the precedence that decides where source text needs parentheses. */
public enum Operator {
    ADD("+", 10), SUBTRACT("-", 10), MULTIPLY("*", 11), TRUE_DIVIDE("/", 11),
    /** Python 2's {@code /} (BINARY_DIVIDE): true division on float tensors. */
    CLASSIC_DIVIDE("/", 11),
    FLOOR_DIVIDE("//", 11), MODULO("%", 11), MATMUL("@", 11), POWER("**", 13),
    LSHIFT("<<", 9), RSHIFT(">>", 9), AND("&", 8), XOR("^", 7), OR("|", 6),
    NEGATIVE("-", 12), POSITIVE("+", 12), INVERT("~", 12), NOT("not ", 4);

    private final String symbol;
    private final int precedence;

    Operator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** How Python source writes it. */
    public String symbol() {
        return symbol;
    }

    int precedence() {
        return precedence;
    }

    /** CPython 3.11+'s BINARY_OP argument (Include/opcode.h NB_*), or null for an in-place or unknown one. */
    static Operator ofBinaryOpArgument(int arg) {
        return switch (arg) {
            case 0 -> ADD;
            case 1 -> AND;
            case 2 -> FLOOR_DIVIDE;
            case 3 -> LSHIFT;
            case 4 -> MATMUL;
            case 5 -> MULTIPLY;
            case 6 -> MODULO;
            case 7 -> OR;
            case 8 -> POWER;
            case 9 -> RSHIFT;
            case 10 -> SUBTRACT;
            case 11 -> TRUE_DIVIDE;
            case 12 -> XOR;
            default -> null;
        };
    }
}
