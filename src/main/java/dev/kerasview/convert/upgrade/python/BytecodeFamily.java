package dev.kerasview.convert.upgrade.python;

import java.util.HashMap;
import java.util.Map;

/**
 * The bytecode forms of CPython versions, each with the opcode numbers and inline cache sizes of the
 * instructions a small lambda uses (Lib/opcode.py of each version; 3.13 Lib/_opcode_metadata.py). An
 * opcode outside the table is not decoded: such a lambda is refused.
 */
public enum BytecodeFamily {
    /** 2.7: one-byte opcodes, a two-byte argument from opcode 90 on. */
    PY27("Python 2.7", Shape.CLASSIC, 145),
    /** 3.0-3.5: as 2.7 with Python 3's opcodes. */
    PY30("Python 3.0-3.5", Shape.CLASSIC, 144),
    /** 3.6-3.10: two-byte wordcode. */
    PY36("Python 3.6-3.10", Shape.WORDCODE, 144),
    /** 3.11: BINARY_OP, PRECALL/CALL, inline CACHE entries. */
    PY311("Python 3.11", Shape.WORDCODE, 144),
    /** 3.12: fewer caches, RETURN_CONST, BINARY_SLICE, LOAD_ATTR method bit. */
    PY312("Python 3.12", Shape.WORDCODE, 144),
    /** 3.13: every opcode renumbered. */
    PY313("Python 3.13", Shape.WORDCODE, 71);

    /** How instructions are laid out. */
    enum Shape { CLASSIC, WORDCODE }

    /** One opcode's meaning, its operator if any, and how many two-byte CACHE entries follow it. */
    record Spec(Op op, Operator operator, int caches) {
    }

    private final String label;
    private final Shape shape;
    private final Map<Integer, Spec> table = new HashMap<>();

    BytecodeFamily(String label, Shape shape, int extendedArg) {
        this.label = label;
        this.shape = shape;
        table.put(extendedArg, new Spec(Op.EXTENDED_ARG, null, 0));
        if (extendedArg == 71) {
            py313();
        } else if (label.equals("Python 3.11")) {
            py311();
        } else if (label.equals("Python 3.12")) {
            py312();
        } else {
            before311(label.equals("Python 2.7"), shape == Shape.WORDCODE);
        }
    }

    /** The Python versions that write it. */
    public String label() {
        return label;
    }

    Shape shape() {
        return shape;
    }

    /** The spec of an opcode, or null when it is not one kerasview decodes. */
    Spec spec(int opcode) {
        return table.get(opcode);
    }

    private void put(int opcode, Op op) {
        table.put(opcode, new Spec(op, null, 0));
    }

    private void put(int opcode, Op op, int caches) {
        table.put(opcode, new Spec(op, null, caches));
    }

    private void operator(int opcode, Op op, Operator operator, int caches) {
        table.put(opcode, new Spec(op, operator, caches));
    }

    private void before311(boolean py2, boolean wordcode) {
        put(9, Op.NOTHING);
        put(100, Op.LOAD_CONST);
        put(124, Op.LOAD_FAST);
        put(116, Op.LOAD_GLOBAL);
        put(106, Op.LOAD_ATTR);
        put(136, Op.LOAD_DEREF);
        put(102, Op.BUILD_TUPLE);
        put(103, Op.BUILD_LIST);
        put(133, Op.BUILD_SLICE);
        put(25, Op.BINARY_SUBSCR);
        put(83, Op.RETURN_VALUE);
        operator(10, Op.UNARY, Operator.POSITIVE, 0);
        operator(11, Op.UNARY, Operator.NEGATIVE, 0);
        operator(12, Op.UNARY, Operator.NOT, 0);
        operator(15, Op.UNARY, Operator.INVERT, 0);
        operator(19, Op.BINARY, Operator.POWER, 0);
        operator(20, Op.BINARY, Operator.MULTIPLY, 0);
        operator(22, Op.BINARY, Operator.MODULO, 0);
        operator(23, Op.BINARY, Operator.ADD, 0);
        operator(24, Op.BINARY, Operator.SUBTRACT, 0);
        operator(26, Op.BINARY, Operator.FLOOR_DIVIDE, 0);
        operator(27, Op.BINARY, Operator.TRUE_DIVIDE, 0);
        operator(62, Op.BINARY, Operator.LSHIFT, 0);
        operator(63, Op.BINARY, Operator.RSHIFT, 0);
        operator(64, Op.BINARY, Operator.AND, 0);
        operator(65, Op.BINARY, Operator.XOR, 0);
        operator(66, Op.BINARY, Operator.OR, 0);
        if (py2) {
            operator(21, Op.BINARY, Operator.CLASSIC_DIVIDE, 0);
            for (int slice = 30; slice <= 33; slice++) {
                put(slice, Op.SLICE_PY2);
            }
        } else {
            operator(16, Op.BINARY, Operator.MATMUL, 0);
        }
        if (wordcode) {
            put(131, Op.CALL_FUNCTION);
            put(141, Op.CALL_FUNCTION_KW);
            put(160, Op.LOAD_METHOD);
            put(161, Op.CALL_METHOD);
        } else {
            put(131, Op.CALL_FUNCTION_PAIRS);
        }
    }

    private void py311() {
        put(151, Op.NOTHING);
        put(9, Op.NOTHING);
        put(149, Op.NOTHING);
        put(135, Op.NOTHING);
        put(2, Op.PUSH_NULL);
        put(100, Op.LOAD_CONST);
        put(124, Op.LOAD_FAST);
        put(116, Op.LOAD_GLOBAL_NULL, 5);
        put(106, Op.LOAD_ATTR, 4);
        put(160, Op.LOAD_METHOD, 10);
        put(137, Op.LOAD_DEREF);
        put(122, Op.BINARY_OP, 1);
        put(25, Op.BINARY_SUBSCR, 4);
        operator(10, Op.UNARY, Operator.POSITIVE, 0);
        operator(11, Op.UNARY, Operator.NEGATIVE, 0);
        operator(15, Op.UNARY, Operator.INVERT, 0);
        put(102, Op.BUILD_TUPLE);
        put(103, Op.BUILD_LIST);
        put(133, Op.BUILD_SLICE);
        put(166, Op.NOTHING, 1); // PRECALL
        put(171, Op.CALL, 4);
        put(172, Op.KW_NAMES);
        put(83, Op.RETURN_VALUE);
    }

    private void py312() {
        put(151, Op.NOTHING);
        put(9, Op.NOTHING);
        put(149, Op.NOTHING);
        put(135, Op.NOTHING);
        put(2, Op.PUSH_NULL);
        put(100, Op.LOAD_CONST);
        put(124, Op.LOAD_FAST);
        put(127, Op.LOAD_FAST);
        put(116, Op.LOAD_GLOBAL_NULL, 4);
        put(106, Op.LOAD_ATTR_METHOD_BIT, 9);
        put(137, Op.LOAD_DEREF);
        put(122, Op.BINARY_OP, 1);
        put(25, Op.BINARY_SUBSCR, 1);
        put(26, Op.BINARY_SLICE);
        operator(11, Op.UNARY, Operator.NEGATIVE, 0);
        operator(15, Op.UNARY, Operator.INVERT, 0);
        put(173, Op.CALL_INTRINSIC_1);
        put(102, Op.BUILD_TUPLE);
        put(103, Op.BUILD_LIST);
        put(133, Op.BUILD_SLICE);
        put(171, Op.CALL, 3);
        put(172, Op.KW_NAMES);
        put(83, Op.RETURN_VALUE);
        put(121, Op.RETURN_CONST);
    }

    private void py313() {
        put(149, Op.NOTHING);
        put(30, Op.NOTHING);
        put(62, Op.NOTHING);
        put(94, Op.NOTHING);
        put(34, Op.PUSH_NULL);
        put(83, Op.LOAD_CONST);
        put(85, Op.LOAD_FAST);
        put(87, Op.LOAD_FAST);
        put(88, Op.LOAD_FAST_LOAD_FAST);
        put(91, Op.LOAD_GLOBAL_NULL, 4);
        put(82, Op.LOAD_ATTR_METHOD_BIT, 9);
        put(84, Op.LOAD_DEREF);
        put(45, Op.BINARY_OP, 1);
        put(5, Op.BINARY_SUBSCR, 1);
        put(4, Op.BINARY_SLICE);
        operator(42, Op.UNARY, Operator.NEGATIVE, 0);
        operator(41, Op.UNARY, Operator.INVERT, 0);
        put(55, Op.CALL_INTRINSIC_1);
        put(52, Op.BUILD_TUPLE);
        put(47, Op.BUILD_LIST);
        put(50, Op.BUILD_SLICE);
        put(53, Op.CALL, 3);
        put(57, Op.CALL_KW);
        put(36, Op.RETURN_VALUE);
        put(103, Op.RETURN_CONST);
    }
}
