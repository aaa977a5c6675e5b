package dev.kerasview.convert.upgrade.python;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one marshalled code object (CPython's Python/marshal.c) in a given layout. Python 3 objects carry
 * FLAG_REF (0x80) and later {@code 'r'} back-references; Python 2 interns strings ({@code 't'}) and refers
 * back to them ({@code 'R'}). A reader is used once.
 */
public final class MarshalReader {

    private static final int FLAG_REF = 0x80;
    private static final int MAX_DEPTH = 200;

    private final byte[] data;
    private final MarshalLayout layout;
    private final List<PyValue> refs = new ArrayList<>();
    private final List<PyValue> interned = new ArrayList<>();
    private int pos;
    private int depth;

    private MarshalReader(byte[] data, MarshalLayout layout) {
        this.data = data;
        this.layout = layout;
    }

    /** The code object {@code data} holds, which must fill it exactly. */
    public static CodeObject readCode(byte[] data, MarshalLayout layout) throws CodeFormatException {
        MarshalReader r = new MarshalReader(data, layout);
        PyValue value = r.object();
        if (!(value instanceof PyValue.Code code)) {
            throw new CodeFormatException("the data is a " + value.getClass().getSimpleName() + ", not a code object");
        }
        if (r.pos != data.length) {
            throw new CodeFormatException((data.length - r.pos) + " bytes follow the code object");
        }
        return code.code();
    }

    private PyValue object() throws CodeFormatException {
        if (++depth > MAX_DEPTH) {
            throw new CodeFormatException("objects nest deeper than " + MAX_DEPTH);
        }
        try {
            int code = u8();
            boolean ref = layout.python3() && (code & FLAG_REF) != 0;
            char type = (char) (layout.python3() ? code & ~FLAG_REF : code);
            return switch (type) {
                case 'N' -> keep(ref, new PyValue.None());
                case 'F' -> keep(ref, new PyValue.Bool(false));
                case 'T' -> keep(ref, new PyValue.Bool(true));
                case 'S' -> keep(ref, new PyValue.Singleton("StopIteration"));
                case '.' -> keep(ref, new PyValue.Singleton("Ellipsis"));
                case 'i' -> keep(ref, new PyValue.Int(BigInteger.valueOf(i32())));
                case 'I' -> keep(ref, new PyValue.Int(BigInteger.valueOf(i64())));
                case 'l' -> keep(ref, new PyValue.Int(longDigits()));
                case 'g' -> keep(ref, new PyValue.Float(Double.longBitsToDouble(i64())));
                case 'f' -> keep(ref, new PyValue.Float(textFloat()));
                case 'y' -> keep(ref, new PyValue.Complex(Double.longBitsToDouble(i64()),
                        Double.longBitsToDouble(i64())));
                case 'x' -> keep(ref, new PyValue.Complex(textFloat(), textFloat()));
                case 's' -> stringOrBytes(ref, bytes(length()));
                case 't' -> interned(ref);
                case 'R' -> stringRef();
                case 'u' -> keep(ref, new PyValue.Str(new String(bytes(length()), StandardCharsets.UTF_8)));
                case 'a', 'A' -> keep(ref, new PyValue.Str(new String(bytes(length()), StandardCharsets.ISO_8859_1)));
                case 'z', 'Z' -> keep(ref, new PyValue.Str(new String(bytes(u8()), StandardCharsets.ISO_8859_1)));
                case '(' -> sequence(ref, PyValue.Sequence.Kind.TUPLE, length());
                case ')' -> sequence(ref, PyValue.Sequence.Kind.TUPLE, u8());
                case '[' -> sequence(ref, PyValue.Sequence.Kind.LIST, length());
                case '<' -> sequence(ref, PyValue.Sequence.Kind.SET, length());
                case '>' -> sequence(ref, PyValue.Sequence.Kind.FROZENSET, length());
                case '{' -> dict(ref);
                case 'c' -> code(ref);
                case 'r' -> backReference();
                default -> throw new CodeFormatException(String.format("unknown marshal type 0x%02x at byte %d",
                        code, pos - 1));
            };
        } finally {
            depth--;
        }
    }

    /** Python 3 registers a FLAG_REF object once read (containers: before their items, see below). */
    private PyValue keep(boolean ref, PyValue value) {
        if (ref) {
            refs.add(value);
        }
        return value;
    }

    /** Python 2's {@code 's'} is str (text in names); Python 3's is bytes. */
    private PyValue stringOrBytes(boolean ref, byte[] b) {
        return keep(ref, bytesValue(b));
    }

    private PyValue interned(boolean ref) throws CodeFormatException {
        byte[] b = bytes(length());
        if (!layout.python3()) {
            PyValue v = bytesValue(b);
            interned.add(v);
            return v;
        }
        return keep(ref, new PyValue.Str(new String(b, StandardCharsets.UTF_8)));
    }

    private PyValue stringRef() throws CodeFormatException {
        int index = i32();
        if (layout.python3() || index < 0 || index >= interned.size()) {
            throw new CodeFormatException("string reference " + index + " to nothing interned at byte " + pos);
        }
        return interned.get(index);
    }

    private PyValue backReference() throws CodeFormatException {
        int index = i32();
        if (!layout.python3() || index < 0 || index >= refs.size() || refs.get(index) == null) {
            throw new CodeFormatException("back-reference " + index + " to nothing at byte " + pos);
        }
        return refs.get(index);
    }

    private static PyValue bytesValue(byte[] b) {
        List<Byte> list = new ArrayList<>(b.length);
        for (byte x : b) {
            list.add(x);
        }
        return new PyValue.Bytes(list);
    }

    private PyValue sequence(boolean ref, PyValue.Sequence.Kind kind, int n) throws CodeFormatException {
        int slot = reserve(ref);
        List<PyValue> items = new ArrayList<>(Math.min(n, remaining()));
        for (int i = 0; i < n; i++) {
            items.add(object());
        }
        return fill(slot, new PyValue.Sequence(kind, items));
    }

    private PyValue dict(boolean ref) throws CodeFormatException {
        int slot = reserve(ref);
        List<PyValue> keys = new ArrayList<>();
        List<PyValue> values = new ArrayList<>();
        while (true) {
            if (pos >= data.length) {
                throw new CodeFormatException("a dict runs past the end of the data");
            }
            if (data[pos] == '0') {
                pos++;
                return fill(slot, new PyValue.Dict(keys, values));
            }
            keys.add(object());
            values.add(object());
        }
    }

    /** Containers and code take their reference index before their contents (marshal.c r_ref_reserve). */
    private int reserve(boolean ref) {
        if (!ref) {
            return -1;
        }
        refs.add(null);
        return refs.size() - 1;
    }

    private PyValue fill(int slot, PyValue value) {
        if (slot >= 0) {
            refs.set(slot, value);
        }
        return value;
    }

    private PyValue code(boolean ref) throws CodeFormatException {
        int slot = reserve(ref);
        int argCount = count("argcount");
        int kwOnly = 0;
        switch (layout) {
            case PY27 -> {
                count("nlocals");
                count("stacksize");
            }
            case PY30 -> {
                kwOnly = count("kwonlyargcount");
                count("nlocals");
                count("stacksize");
            }
            case PY38 -> {
                count("posonlyargcount");
                kwOnly = count("kwonlyargcount");
                count("nlocals");
                count("stacksize");
            }
            case PY311 -> {
                count("posonlyargcount");
                kwOnly = count("kwonlyargcount");
                count("stacksize");
            }
        }
        int flags = i32();
        byte[] bytecode = bytesOf(object(), "co_code");
        List<PyValue> consts = items(object(), "co_consts");
        List<String> names = texts(object(), "co_names");
        List<String> localNames;
        List<String> derefNames;
        int freeVars;
        if (layout == MarshalLayout.PY311) {
            List<String> plus = texts(object(), "co_localsplusnames");
            byte[] kinds = bytesOf(object(), "co_localspluskinds");
            if (kinds.length != plus.size()) {
                throw new CodeFormatException(plus.size() + " localsplus names but " + kinds.length + " kinds");
            }
            localNames = plus;
            derefNames = plus;
            int free = 0;
            for (byte k : kinds) {
                free += (k & 0x80) != 0 ? 1 : 0;
            }
            freeVars = free;
        } else {
            localNames = texts(object(), "co_varnames");
            List<String> free = texts(object(), "co_freevars");
            List<String> cells = texts(object(), "co_cellvars");
            derefNames = new ArrayList<>(cells);
            derefNames.addAll(free);
            freeVars = free.size();
        }
        text(object(), "co_filename");
        String name = text(object(), "co_name");
        if (layout == MarshalLayout.PY311) {
            text(object(), "co_qualname");
        }
        i32(); // co_firstlineno
        bytesOf(object(), "co_lnotab");
        if (layout == MarshalLayout.PY311) {
            bytesOf(object(), "co_exceptiontable");
        }
        if (argCount > localNames.size()) {
            throw new CodeFormatException(argCount + " parameters but " + localNames.size() + " local names");
        }
        return fill(slot, new PyValue.Code(new CodeObject(layout, argCount, kwOnly, flags, bytecode, consts, names,
                localNames, derefNames, freeVars, name)));
    }

    private int count(String field) throws CodeFormatException {
        int v = i32();
        if (v < 0 || v > 0xFFFF) {
            throw new CodeFormatException(field + " is " + v);
        }
        return v;
    }

    private static byte[] bytesOf(PyValue v, String field) throws CodeFormatException {
        if (v instanceof PyValue.Bytes b) {
            return b.array();
        }
        throw new CodeFormatException(field + " is not bytes but " + v.repr());
    }

    private static List<PyValue> items(PyValue v, String field) throws CodeFormatException {
        if (v instanceof PyValue.Sequence s && s.kind() == PyValue.Sequence.Kind.TUPLE) {
            return s.items();
        }
        throw new CodeFormatException(field + " is not a tuple but " + v.repr());
    }

    private static List<String> texts(PyValue v, String field) throws CodeFormatException {
        List<String> out = new ArrayList<>();
        for (PyValue item : items(v, field)) {
            out.add(text(item, field));
        }
        return out;
    }

    /** A name: Python 3 str, or Python 2 str (bytes, Latin-1). */
    static String text(PyValue v, String field) throws CodeFormatException {
        if (v instanceof PyValue.Str s) {
            return s.value();
        }
        if (v instanceof PyValue.Bytes b) {
            return new String(b.array(), StandardCharsets.ISO_8859_1);
        }
        throw new CodeFormatException(field + " holds " + v.repr() + " where a name belongs");
    }

    private BigInteger longDigits() throws CodeFormatException {
        int n = i32();
        int size = Math.abs(n);
        if (size > remaining() / 2) {
            throw new CodeFormatException("a long of " + size + " digits runs past the end of the data");
        }
        BigInteger value = BigInteger.ZERO;
        int[] digits = new int[size];
        for (int i = 0; i < size; i++) {
            digits[i] = u8() | (u8() << 8);
            if (digits[i] >= 1 << 15) {
                throw new CodeFormatException("a long digit over 15 bits");
            }
        }
        for (int i = size - 1; i >= 0; i--) {
            value = value.shiftLeft(15).add(BigInteger.valueOf(digits[i]));
        }
        return n < 0 ? value.negate() : value;
    }

    private double textFloat() throws CodeFormatException {
        String text = new String(bytes(u8()), StandardCharsets.ISO_8859_1);
        try {
            return switch (text) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "nan", "-nan" -> Double.NaN;
                default -> Double.parseDouble(text);
            };
        } catch (NumberFormatException e) {
            throw new CodeFormatException("the float text '" + text + "' is not a number");
        }
    }

    private int length() throws CodeFormatException {
        int n = i32();
        if (n < 0 || n > remaining()) {
            throw new CodeFormatException("length " + n + " at byte " + (pos - 4) + " runs past the end of the data");
        }
        return n;
    }

    private int remaining() {
        return data.length - pos;
    }

    private byte[] bytes(int n) throws CodeFormatException {
        if (n > remaining()) {
            throw new CodeFormatException(n + " bytes at byte " + pos + " run past the end of the data");
        }
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    private int u8() throws CodeFormatException {
        if (pos >= data.length) {
            throw new CodeFormatException("the data ends inside an object");
        }
        return data[pos++] & 0xFF;
    }

    private int i32() throws CodeFormatException {
        return u8() | (u8() << 8) | (u8() << 16) | (u8() << 24);
    }

    private long i64() throws CodeFormatException {
        return (i32() & 0xFFFFFFFFL) | ((long) i32() << 32);
    }
}
