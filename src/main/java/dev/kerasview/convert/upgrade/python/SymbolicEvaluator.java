package dev.kerasview.convert.upgrade.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Runs straight-line bytecode on a stack of expressions instead of values: what is returned is the expression
 * the function computes. Any instruction it does not model (jumps, stores, comprehensions) fails the run.
 */
final class SymbolicEvaluator {

    /** CPython 3.12+ CALL_INTRINSIC_1 argument for unary plus (INTRINSIC_UNARY_POSITIVE). */
    private static final int INTRINSIC_UNARY_POSITIVE = 5;

    /** A stack entry; a null expression is the NULL that 3.11+ pushes beside a callable. */
    private record Slot(Expr expr) {
    }

    private final CodeObject code;
    private final Deque<Slot> stack = new ArrayDeque<>();
    private List<String> kwNames = List.of();

    private SymbolicEvaluator(CodeObject code) {
        this.code = code;
    }

    /** The expression the instructions return. */
    static Expr evaluate(CodeObject code, List<Instruction> instructions) throws CodeFormatException {
        SymbolicEvaluator run = new SymbolicEvaluator(code);
        for (int i = 0; i < instructions.size(); i++) {
            Instruction in = instructions.get(i);
            Expr returned;
            try {
                returned = run.step(in);
            } catch (CodeFormatException e) {
                throw new CodeFormatException(e.getMessage(), in.offset());
            }
            if (returned != null) {
                if (i != instructions.size() - 1 || !run.stack.isEmpty()) {
                    throw new CodeFormatException("the function returns at offset " + in.offset()
                            + " before its last instruction", in.offset());
                }
                return returned;
            }
        }
        throw new CodeFormatException("the bytecode ends without a return",
                instructions.isEmpty() ? 0 : instructions.get(instructions.size() - 1).offset());
    }

    /** Applies one instruction; the returned expression when it is a return, else null. */
    private Expr step(Instruction in) throws CodeFormatException {
        int arg = in.arg();
        switch (in.op()) {
            case NOTHING -> {
            }
            case LOAD_FAST -> push(local(arg, in));
            case LOAD_FAST_LOAD_FAST -> {
                push(local(arg >> 4, in));
                push(local(arg & 15, in));
            }
            case LOAD_CONST -> push(new Expr.Const(constant(arg, in)));
            case LOAD_GLOBAL -> push(new Expr.Global(name(arg, in)));
            case LOAD_GLOBAL_NULL -> {
                push(new Expr.Global(name(arg >> 1, in)));
                if ((arg & 1) != 0) {
                    stack.push(new Slot(null));
                }
            }
            case LOAD_ATTR -> push(new Expr.Attribute(pop(in), name(arg, in)));
            case LOAD_ATTR_METHOD_BIT -> {
                push(new Expr.Attribute(pop(in), name(arg >> 1, in)));
                if ((arg & 1) != 0) {
                    stack.push(new Slot(null));
                }
            }
            case LOAD_METHOD -> {
                push(new Expr.Attribute(pop(in), name(arg, in)));
                stack.push(new Slot(null));
            }
            case LOAD_DEREF -> push(new Expr.Free(deref(arg, in)));
            case PUSH_NULL -> stack.push(new Slot(null));
            case BINARY -> binary(in.operator(), in);
            case BINARY_OP -> {
                Operator op = Operator.ofBinaryOpArgument(arg);
                if (op == null) {
                    throw new CodeFormatException("BINARY_OP " + arg + " at offset " + in.offset()
                            + " is an in-place or unknown operator");
                }
                binary(op, in);
            }
            case UNARY -> push(new Expr.Unary(in.operator(), pop(in)));
            case CALL_INTRINSIC_1 -> {
                if (arg != INTRINSIC_UNARY_POSITIVE) {
                    throw new CodeFormatException("CALL_INTRINSIC_1 " + arg + " at offset " + in.offset()
                            + " is not unary plus");
                }
                push(new Expr.Unary(Operator.POSITIVE, pop(in)));
            }
            case BINARY_SUBSCR -> {
                Expr index = pop(in);
                push(new Expr.Subscript(pop(in), index));
            }
            case BINARY_SLICE -> {
                Expr stop = pop(in);
                Expr start = pop(in);
                push(new Expr.Subscript(pop(in), new Expr.Slice(start, stop, null)));
            }
            case SLICE_PY2 -> {
                // SLICE+0 x[:], +1 x[a:], +2 x[:b], +3 x[a:b]
                int which = in.opcode() - 30;
                Expr stop = (which & 2) != 0 ? pop(in) : null;
                Expr start = (which & 1) != 0 ? pop(in) : null;
                push(new Expr.Subscript(pop(in), new Expr.Slice(start, stop, null)));
            }
            case BUILD_TUPLE -> push(new Expr.Display(false, popMany(arg, in)));
            case BUILD_LIST -> push(new Expr.Display(true, popMany(arg, in)));
            case BUILD_SLICE -> {
                Expr step = arg == 3 ? pop(in) : null;
                Expr stop = pop(in);
                push(new Expr.Slice(pop(in), stop, step));
            }
            case CALL_FUNCTION_PAIRS -> callWithPairs(arg & 0xFF, (arg >> 8) & 0xFF, in);
            case CALL_FUNCTION -> {
                List<Expr> args = popMany(arg, in);
                push(new Expr.Call(pop(in), args, List.of()));
            }
            case CALL_FUNCTION_KW -> {
                List<String> keywords = names(pop(in), in);
                List<Expr> args = popMany(arg, in);
                push(new Expr.Call(pop(in), args, keywords));
            }
            case CALL_METHOD, CALL -> call(popMany(arg, in), takeKwNames(), in);
            case CALL_KW -> {
                List<String> keywords = names(pop(in), in);
                call(popMany(arg, in), keywords, in);
            }
            case KW_NAMES -> kwNames = names(new Expr.Const(constant(arg, in)), in);
            case RETURN_VALUE -> {
                return pop(in);
            }
            case RETURN_CONST -> {
                return new Expr.Const(constant(arg, in));
            }
            case EXTENDED_ARG -> throw new CodeFormatException("EXTENDED_ARG is folded by the decoder");
        }
        return null;
    }

    private void binary(Operator op, Instruction in) throws CodeFormatException {
        Expr right = pop(in);
        Expr left = pop(in);
        push(new Expr.Binary(op, left, right));
    }

    /** 3.7+ methods and 3.11+ calls: the callable sits beside a NULL below the arguments. */
    private void call(List<Expr> args, List<String> keywords, Instruction in) throws CodeFormatException {
        Slot upper = popSlot(in);
        Slot lower = popSlot(in);
        if ((upper.expr() == null) == (lower.expr() == null)) {
            throw new CodeFormatException("the call at offset " + in.offset() + " has no single callable");
        }
        push(new Expr.Call(upper.expr() != null ? upper.expr() : lower.expr(), args, keywords));
    }

    /** Python 2 and 3.0-3.5: keyword arguments follow the positional ones as (name, value) pairs. */
    private void callWithPairs(int positional, int pairs, Instruction in) throws CodeFormatException {
        List<Expr> flat = popMany(positional + 2 * pairs, in);
        List<Expr> args = new ArrayList<>(flat.subList(0, positional));
        List<String> keywords = new ArrayList<>();
        for (int i = positional; i < flat.size(); i += 2) {
            if (!(flat.get(i) instanceof Expr.Const c) || !(c.value() instanceof PyValue.Str
                    || c.value() instanceof PyValue.Bytes)) {
                throw new CodeFormatException("a keyword name at offset " + in.offset() + " is not a string");
            }
            keywords.add(MarshalReader.text(c.value(), "keyword"));
            args.add(flat.get(i + 1));
        }
        push(new Expr.Call(pop(in), args, keywords));
    }

    private List<String> takeKwNames() {
        List<String> out = kwNames;
        kwNames = List.of();
        return out;
    }

    private List<String> names(Expr tuple, Instruction in) throws CodeFormatException {
        if (tuple instanceof Expr.Const c && c.value() instanceof PyValue.Sequence s) {
            List<String> out = new ArrayList<>();
            for (PyValue v : s.items()) {
                out.add(MarshalReader.text(v, "keyword names"));
            }
            return out;
        }
        throw new CodeFormatException("the keyword names at offset " + in.offset() + " are not a constant tuple");
    }

    private Expr local(int index, Instruction in) throws CodeFormatException {
        if (index >= code.localNames().size()) {
            throw new CodeFormatException("local " + index + " at offset " + in.offset() + " does not exist");
        }
        if (index >= code.argCount()) {
            throw new CodeFormatException("the function reads its local variable '" + code.localNames().get(index)
                    + "', which a single expression of its parameters cannot hold");
        }
        return new Expr.Param(index, code.localNames().get(index));
    }

    private PyValue constant(int index, Instruction in) throws CodeFormatException {
        if (index >= code.consts().size()) {
            throw new CodeFormatException("constant " + index + " at offset " + in.offset() + " does not exist");
        }
        return code.consts().get(index);
    }

    private String name(int index, Instruction in) throws CodeFormatException {
        if (index >= code.names().size()) {
            throw new CodeFormatException("name " + index + " at offset " + in.offset() + " does not exist");
        }
        return code.names().get(index);
    }

    private String deref(int index, Instruction in) throws CodeFormatException {
        if (index >= code.derefNames().size()) {
            throw new CodeFormatException("closure cell " + index + " at offset " + in.offset() + " does not exist");
        }
        return code.derefNames().get(index);
    }

    private void push(Expr e) {
        stack.push(new Slot(e));
    }

    private Slot popSlot(Instruction in) throws CodeFormatException {
        if (stack.isEmpty()) {
            throw new CodeFormatException("the stack runs empty at offset " + in.offset());
        }
        return stack.pop();
    }

    private Expr pop(Instruction in) throws CodeFormatException {
        Slot s = popSlot(in);
        if (s.expr() == null) {
            throw new CodeFormatException("a NULL is used as a value at offset " + in.offset());
        }
        return s.expr();
    }

    /** The top {@code n} values, deepest first. */
    private List<Expr> popMany(int n, Instruction in) throws CodeFormatException {
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(pop(in));
        }
        Collections.reverse(out);
        return out;
    }
}
