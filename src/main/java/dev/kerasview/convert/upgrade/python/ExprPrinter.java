package dev.kerasview.convert.upgrade.python;

import java.util.ArrayList;
import java.util.List;

/** Writes an {@link Expr} as Python source, with parentheses only where precedence needs them. */
final class ExprPrinter {

    private static final int ATOM = 16;

    private ExprPrinter() {
    }

    static String print(Expr e) {
        if (e instanceof Expr.Param p) {
            return p.name();
        } else if (e instanceof Expr.Const c) {
            return c.value().repr();
        } else if (e instanceof Expr.Global g) {
            return g.name();
        } else if (e instanceof Expr.Free f) {
            return f.name();
        } else if (e instanceof Expr.Attribute a) {
            return wrap(a.object(), ATOM) + "." + a.name();
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.Unary u) {
            return u.operator().symbol() + wrap(u.operand(), u.operator().precedence());
        } else if (e instanceof Expr.Subscript s) {
            return wrap(s.object(), ATOM) + "[" + index(s.index()) + "]";
        } else if (e instanceof Expr.Slice s) {
            return slice(s);
        } else if (e instanceof Expr.Display d) {
            return display(d);
        }
        return call((Expr.Call) e);
    }

    private static String binary(Expr.Binary b) {
        int p = b.operator().precedence();
        boolean power = b.operator() == Operator.POWER;
        // left-associative: the right operand needs parentheses at equal precedence; ** the other way round
        String left = wrap(b.left(), power ? p + 1 : p);
        String right = wrap(b.right(), power ? p : p + 1);
        return left + " " + b.operator().symbol() + " " + right;
    }

    private static String wrap(Expr e, int needed) {
        String s = print(e);
        return precedence(e) < needed ? "(" + s + ")" : s;
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Binary b) {
            return b.operator().precedence();
        } else if (e instanceof Expr.Unary u) {
            return u.operator().precedence();
        } else if (e instanceof Expr.Const c && (c.value() instanceof PyValue.Float f && f.value() < 0
                || c.value() instanceof PyValue.Int i && i.value().signum() < 0)) {
            return 12; // a negative literal prints with its sign, like a unary minus
        }
        return ATOM;
    }

    private static String index(Expr e) {
        if (e instanceof Expr.Display d && !d.list() && !d.items().isEmpty()) {
            List<String> parts = new ArrayList<>();
            d.items().forEach(i -> parts.add(print(i)));
            return String.join(", ", parts) + (d.items().size() == 1 ? "," : "");
        }
        if (e instanceof Expr.Const c && c.value() instanceof PyValue.Sequence s
                && s.kind() == PyValue.Sequence.Kind.TUPLE && !s.items().isEmpty()) {
            List<String> parts = new ArrayList<>();
            s.items().forEach(i -> parts.add(i.repr()));
            return String.join(", ", parts) + (s.items().size() == 1 ? "," : "");
        }
        return print(e);
    }

    private static String slice(Expr.Slice s) {
        String out = bound(s.start()) + ":" + bound(s.stop());
        return s.step() == null ? out : out + ":" + bound(s.step());
    }

    private static String bound(Expr e) {
        return e == null || (e instanceof Expr.Const c && c.value() instanceof PyValue.None) ? "" : print(e);
    }

    private static String display(Expr.Display d) {
        List<String> parts = new ArrayList<>();
        d.items().forEach(i -> parts.add(print(i)));
        String inner = String.join(", ", parts);
        return d.list() ? "[" + inner + "]" : "(" + inner + (d.items().size() == 1 ? ",)" : ")");
    }

    private static String call(Expr.Call c) {
        List<String> parts = new ArrayList<>();
        int positional = c.arguments().size() - c.keywords().size();
        for (int i = 0; i < c.arguments().size(); i++) {
            String value = print(c.arguments().get(i));
            parts.add(i < positional ? value : c.keywords().get(i - positional) + "=" + value);
        }
        return wrap(c.function(), ATOM) + "(" + String.join(", ", parts) + ")";
    }
}
