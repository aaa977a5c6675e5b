package dev.kerasview.convert.upgrade.python;

import java.math.BigInteger;
import java.util.List;

/** A Python object as marshal stores it; {@link #repr()} is how Python would print it. */
public sealed interface PyValue {

    /** The text Python's {@code repr()} gives, close enough for messages. */
    String repr();

    /** {@code None}. */
    record None() implements PyValue {
        @Override
        public String repr() {
            return "None";
        }
    }

    /** {@code True} or {@code False}. */
    record Bool(boolean value) implements PyValue {
        @Override
        public String repr() {
            return value ? "True" : "False";
        }
    }

    /** An int (or a Python 2 long) of any size. */
    record Int(BigInteger value) implements PyValue {
        @Override
        public String repr() {
            return value.toString();
        }
    }

    /** A float: an IEEE double. */
    record Float(double value) implements PyValue {
        @Override
        public String repr() {
            return PyFloats.repr(value);
        }
    }

    /** A complex number. */
    record Complex(double real, double imag) implements PyValue {
        @Override
        public String repr() {
            return "(" + PyFloats.repr(real) + "+" + PyFloats.repr(imag) + "j)";
        }
    }

    /** A text string (Python 3 str, Python 2 unicode or str read as Latin-1). */
    record Str(String value) implements PyValue {
        @Override
        public String repr() {
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
    }

    /** A bytes object (bytecode, line tables). */
    record Bytes(List<Byte> value) implements PyValue {

        /** The bytes as an array. */
        public byte[] array() {
            byte[] out = new byte[value.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = value.get(i);
            }
            return out;
        }

        @Override
        public String repr() {
            return "b'...'(" + value.size() + " bytes)";
        }
    }

    /** A tuple, list, set or frozenset: the kind says which. */
    record Sequence(Kind kind, List<PyValue> items) implements PyValue {

        /** Which container. */
        public enum Kind { TUPLE, LIST, SET, FROZENSET }

        @Override
        public String repr() {
            StringBuilder s = new StringBuilder(kind == Kind.LIST ? "[" : kind == Kind.TUPLE ? "(" : "{");
            for (int i = 0; i < items.size(); i++) {
                s.append(i > 0 ? ", " : "").append(items.get(i).repr());
            }
            if (kind == Kind.TUPLE && items.size() == 1) {
                s.append(',');
            }
            return s.append(kind == Kind.LIST ? "]" : kind == Kind.TUPLE ? ")" : "}").toString();
        }
    }

    /** A dict, as its key/value pairs in order. */
    record Dict(List<PyValue> keys, List<PyValue> values) implements PyValue {
        @Override
        public String repr() {
            return "{...}";
        }
    }

    /** A nested code object (a lambda inside the lambda, a comprehension). */
    record Code(CodeObject code) implements PyValue {
        @Override
        public String repr() {
            return "<code " + code.name() + ">";
        }
    }

    /** {@code Ellipsis} or {@code StopIteration}, marshal's singletons. */
    record Singleton(String name) implements PyValue {
        @Override
        public String repr() {
            return name;
        }
    }
}
