package dev.kerasview.hdf5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * An HDF5 datatype message (format spec IV.A.2.d) as the classic-layout reader needs it: the
 * element class, size and byte order, and for strings their padding and character set.
 *
 * @param typeClass  0 fixed-point, 1 floating-point, 3 string, 5 opaque, 8 enumeration,
 *                   9 variable-length; other classes are kept but not decoded
 * @param classBits  the 24 class bit fields
 * @param size       bytes per element
 * @param precision  bits of precision of a fixed-point type (its other classes: size * 8)
 * @param bitOffset  bit offset of a fixed-point value inside its element
 * @param base       the element type of a variable-length or enumeration type, or null
 */
record RawDatatype(int typeClass, int classBits, int size, int precision, int bitOffset,
                   RawDatatype base) {

    static final int FIXED_POINT = 0;
    static final int FLOATING_POINT = 1;
    static final int STRING = 3;
    static final int OPAQUE = 5;
    static final int ENUMERATION = 8;
    static final int VARIABLE_LENGTH = 9;

    /** Parses the datatype message starting at {@code at} of {@code b} (little-endian). */
    static RawDatatype parse(ByteBuffer b, int at) {
        int typeClass = b.get(at) & 0x0F;
        int bits = Byte.toUnsignedInt(b.get(at + 1)) | Byte.toUnsignedInt(b.get(at + 2)) << 8
                | Byte.toUnsignedInt(b.get(at + 3)) << 16;
        int size = b.getInt(at + 4);
        if (size <= 0) {
            throw new IllegalStateException("datatype of " + size + " bytes");
        }
        int precision = size * 8;
        int offset = 0;
        RawDatatype base = null;
        if (typeClass == FIXED_POINT) {
            offset = Short.toUnsignedInt(b.getShort(at + 8));
            precision = Short.toUnsignedInt(b.getShort(at + 10));
        } else if (typeClass == VARIABLE_LENGTH || typeClass == ENUMERATION) {
            base = parse(b, at + 8);
        }
        return new RawDatatype(typeClass, bits, size, precision, offset, base);
    }

    /** Byte order of a fixed- or floating-point type; little-endian for the others. */
    ByteOrder order() {
        boolean ordered = typeClass == FIXED_POINT || typeClass == FLOATING_POINT;
        return ordered && (classBits & 1) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** A fixed-point type's sign bit flag. */
    boolean signed() {
        return typeClass == FIXED_POINT && (classBits & 0x08) != 0;
    }

    /** A variable-length type whose elements are strings rather than sequences. */
    boolean variableLengthString() {
        return typeClass == VARIABLE_LENGTH && (classBits & 0x0F) == 1;
    }

    /** Padding of a fixed-length string: 0 null-terminated, 1 null-padded, 2 space-padded. */
    int stringPadding() {
        return classBits & 0x0F;
    }

    /** Character set of a string: bits 4-7 of a fixed-length one, 8-11 of a variable-length one. */
    Charset charset() {
        int set = typeClass == VARIABLE_LENGTH ? (classBits >> 8) & 0x0F : (classBits >> 4) & 0x0F;
        return set == 1 ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
    }

    /** The numpy name {@link NumpyDtype#of} gives the same type through jhdf, or null for a class it has none for. */
    String numpyName() {
        return NumpyDtype.name(typeClass, size, signed());
    }
}
