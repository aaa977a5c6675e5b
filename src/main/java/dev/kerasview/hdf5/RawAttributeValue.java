package dev.kerasview.hdf5;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the attribute values Keras and h5py write (numbers, fixed- and variable-length
 * strings; scalars and one-dimensional arrays) into the elements jhdf's reading gives, which
 * {@link AttributeValues} then turns into the value, as for jhdf's. Any other attribute is left to jhdf: the caller falls back.
 */
final class RawAttributeValue {

    private final VariableLengthStrings strings;

    RawAttributeValue(VariableLengthStrings strings) {
        this.strings = strings;
    }

    /** Every attribute of an object, by name, decoded; a name given twice keeps its last value. */
    Map<String, Object> byName(List<RawAttribute> attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RawAttribute a : attributes) {
            out.put(a.name(), of(a));
        }
        return out;
    }

    /** The value: a String, Number, or List of them; an attribute without elements is an empty list. */
    Object of(RawAttribute a) {
        if (a.data() == null) {
            return List.of();
        }
        long[] dims = a.space().dims();
        if (dims.length > 1) {
            throw new ClassicLayoutReader.NotClassic("attribute '" + a.name() + "' has " + dims.length
                    + " dimensions");
        }
        RawDatatype t = a.type();
        int n = (int) a.space().elements();
        ByteBuffer b = a.data().duplicate().order(t.order());
        // the elements as jhdf's reading boxes them; AttributeValues turns them into the value
        Object[] elements = new Object[n];
        for (int i = 0; i < n; i++) {
            elements[i] = element(t, b, i);
        }
        return AttributeValues.of(dims.length == 0 ? elements[0] : elements);
    }

    private Object element(RawDatatype t, ByteBuffer b, int i) {
        int at = i * t.size();
        switch (t.typeClass()) {
            case RawDatatype.FIXED_POINT:
                return integer(t, b, at);
            case RawDatatype.FLOATING_POINT:
                if (t.size() == 4) {
                    return b.getFloat(at);
                }
                if (t.size() == 8) {
                    return b.getDouble(at);
                }
                break;
            case RawDatatype.STRING:
                return fixedString(t, b, at);
            case RawDatatype.VARIABLE_LENGTH:
                if (t.variableLengthString()) {
                    return variableString(t, b, at);
                }
                break;
            default:
                break;
        }
        throw new ClassicLayoutReader.NotClassic("attribute of type class " + t.typeClass()
                + ", " + t.size() + " bytes");
    }

    /** The boxed type jhdf chooses: by precision, and one size up for unsigned values. */
    private static Number integer(RawDatatype t, ByteBuffer b, int at) {
        if (t.bitOffset() != 0 || t.precision() != t.size() * 8) {
            throw new ClassicLayoutReader.NotClassic("integer attribute with " + t.precision()
                    + " bits at offset " + t.bitOffset());
        }
        if (t.signed()) {
            return switch (t.size()) {
                case 1 -> b.get(at);
                case 2 -> b.getShort(at);
                case 4 -> b.getInt(at);
                case 8 -> b.getLong(at);
                default -> throw new ClassicLayoutReader.NotClassic("integer of " + t.size() + " bytes");
            };
        }
        return switch (t.size()) {
            case 1 -> Byte.toUnsignedInt(b.get(at));
            case 2 -> Short.toUnsignedInt(b.getShort(at));
            case 4 -> Integer.toUnsignedLong(b.getInt(at));
            default -> throw new ClassicLayoutReader.NotClassic("unsigned integer of " + t.size() + " bytes");
        };
    }

    /** As jhdf's padding handlers cut a fixed-length string before decoding it. */
    private static String fixedString(RawDatatype t, ByteBuffer b, int at) {
        int len = t.size();
        int end;
        switch (t.stringPadding()) {
            case 0 -> {
                end = 0;
                while (end < len && b.get(at + end) != 0) {
                    end++;
                }
            }
            case 1, 2 -> {
                byte pad = t.stringPadding() == 1 ? (byte) 0 : (byte) ' ';
                end = len;
                while (end > 0 && b.get(at + end - 1) == pad) {
                    end--;
                }
            }
            default -> throw new ClassicLayoutReader.NotClassic("string padding " + t.stringPadding());
        }
        return decode(b.slice(at, end), t.charset());
    }

    private String variableString(RawDatatype t, ByteBuffer b, int at) {
        if (!strings.decodable(t.size())) {
            throw new ClassicLayoutReader.NotClassic("variable-length element of " + t.size() + " bytes");
        }
        return strings.element(b, at, t.size(), t.charset());
    }

    private static String decode(ByteBuffer bytes, Charset charset) {
        return charset.decode(bytes).toString();
    }
}
