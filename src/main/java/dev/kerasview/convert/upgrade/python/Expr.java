package dev.kerasview.convert.upgrade.python;

import java.util.List;

/** The expression a lambda's bytecode computes; {@link #source()} writes it back as Python. */
public sealed interface Expr {

    /** Python source text of the expression. */
    default String source() {
        return ExprPrinter.print(this);
    }

    /** The function's parameter number {@code index}, called {@code name}. */
    record Param(int index, String name) implements Expr {
    }

    /** A constant from co_consts. */
    record Const(PyValue value) implements Expr {
    }

    /** A global name: a module (K, tf, np) or a function. */
    record Global(String name) implements Expr {
    }

    /** A variable of the enclosing function, captured in the closure. */
    record Free(String name) implements Expr {
    }

    /** {@code object.name}. */
    record Attribute(Expr object, String name) implements Expr {
    }

    /** {@code left op right}. */
    record Binary(Operator operator, Expr left, Expr right) implements Expr {
    }

    /** {@code op operand}. */
    record Unary(Operator operator, Expr operand) implements Expr {
    }

    /** {@code object[index]}. */
    record Subscript(Expr object, Expr index) implements Expr {
    }

    /** {@code start:stop:step}, an absent bound as null. */
    record Slice(Expr start, Expr stop, Expr step) implements Expr {
    }

    /** A tuple or list display. */
    record Display(boolean list, List<Expr> items) implements Expr {
        public Display {
            items = List.copyOf(items);
        }
    }

    /** {@code function(args..., keyword=value...)}: the last {@code keywords.size()} arguments are keywords. */
    record Call(Expr function, List<Expr> arguments, List<String> keywords) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
            keywords = List.copyOf(keywords);
        }
    }
}
