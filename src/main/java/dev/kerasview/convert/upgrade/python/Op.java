package dev.kerasview.convert.upgrade.python;

/** What an instruction does, the same across Python versions; the family maps opcode numbers to these. */
enum Op {
    /** No effect on the stack: RESUME, NOP, PRECALL, COPY_FREE_VARS, MAKE_CELL. */
    NOTHING,
    LOAD_FAST,
    /** 3.13: two locals, indices in the argument's high and low nibble. */
    LOAD_FAST_LOAD_FAST,
    LOAD_CONST,
    /** 3.11+: the argument's low bit also pushes a NULL; the name index is arg >> 1. */
    LOAD_GLOBAL_NULL,
    LOAD_GLOBAL,
    LOAD_ATTR,
    /** 3.12+: the argument's low bit loads a method (NULL + callable); the name index is arg >> 1. */
    LOAD_ATTR_METHOD_BIT,
    LOAD_METHOD,
    LOAD_DEREF,
    PUSH_NULL,
    /** A binary operator named by the opcode itself (before 3.11). */
    BINARY,
    /** 3.11+: the operator is the argument. */
    BINARY_OP,
    UNARY,
    BINARY_SUBSCR,
    /** 3.12+: obj[start:stop]. */
    BINARY_SLICE,
    /** Python 2 SLICE+0..3: the opcode says which bounds are on the stack. */
    SLICE_PY2,
    BUILD_TUPLE,
    BUILD_LIST,
    BUILD_SLICE,
    /** Before 3.6: low byte positional count, high byte keyword pairs. */
    CALL_FUNCTION_PAIRS,
    /** 3.6-3.10: positional arguments only. */
    CALL_FUNCTION,
    /** 3.6-3.10: the keyword names tuple is on top of the stack. */
    CALL_FUNCTION_KW,
    CALL_METHOD,
    /** 3.11+: NULL-or-self, callable, arguments. */
    CALL,
    /** 3.13: as CALL with the keyword names tuple on top. */
    CALL_KW,
    /** 3.11-3.12: the keyword names of the next CALL, a constant index. */
    KW_NAMES,
    /** 3.12+: the argument 5 is unary plus. */
    CALL_INTRINSIC_1,
    RETURN_VALUE,
    RETURN_CONST,
    EXTENDED_ARG
}
