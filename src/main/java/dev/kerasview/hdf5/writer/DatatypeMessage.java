package dev.kerasview.hdf5.writer;

/**
 * Encodes HDF5 datatype messages (version 1) byte for byte as the HDF5 library encodes the types
 * h5py creates for the same numpy dtypes.
 */
final class DatatypeMessage {

    private static final int CLASS_FIXED_POINT = 0;
    private static final int CLASS_FLOATING_POINT = 1;
    private static final int CLASS_STRING = 3;
    private static final int CLASS_OPAQUE = 5;
    private static final int CLASS_ENUM = 8;
    private static final int CLASS_VARIABLE_LENGTH = 9;
    private static final int VERSION = 1;

    private DatatypeMessage() {
    }

    /** The datatype of a numeric element type. */
    static byte[] numeric(ElementType type) {
        LittleEndianBuffer out = new LittleEndianBuffer(48);
        switch (type) {
            case FLOAT16 -> floatingPoint(out, 2, 15, 10, 5, 0, 10, 15);
            case FLOAT32 -> floatingPoint(out, 4, 31, 23, 8, 0, 23, 127);
            case FLOAT64 -> floatingPoint(out, 8, 63, 52, 11, 0, 52, 1023);
            case INT8, INT16, INT32, INT64 -> fixedPoint(out, type.size(), true);
            case UINT8, UINT16, UINT32, UINT64 -> fixedPoint(out, type.size(), false);
            case BOOL -> booleanEnum(out);
            case BFLOAT16 -> opaque(out, type.size());
            default -> throw new IllegalArgumentException("no datatype for " + type);
        }
        return out.toByteArray();
    }

    /** A fixed-length, NULL-padded ASCII string of {@code length} bytes (how h5py stores numpy {@code S}). */
    static byte[] fixedString(int length) {
        LittleEndianBuffer out = new LittleEndianBuffer(8);
        header(out, CLASS_STRING, 0x01, 0, 0, length); // padding 1 = NULLPAD, charset 0 = ASCII
        return out.toByteArray();
    }

    /** A variable-length, NULL-terminated string in the given character set (h5py's string_dtype). */
    static byte[] variableLengthString(boolean utf8) {
        LittleEndianBuffer out = new LittleEndianBuffer(24);
        // type 1 = string, padding 0 = NULLTERM; charset in bits 8-11; size = length + address + index
        header(out, CLASS_VARIABLE_LENGTH, 0x01, utf8 ? 0x01 : 0x00, 0, 4 + 8 + 4);
        fixedPoint(out, 1, false); // base type: one unsigned byte per character
        return out.toByteArray();
    }

    private static void header(LittleEndianBuffer out, int typeClass, int bits0, int bits8, int bits16,
            long size) {
        out.u8(VERSION << 4 | typeClass).u8(bits0).u8(bits8).u8(bits16).u32(size);
    }

    private static void fixedPoint(LittleEndianBuffer out, int size, boolean signed) {
        header(out, CLASS_FIXED_POINT, signed ? 0x08 : 0x00, 0, 0, size); // little-endian, zero padding
        out.u16(0).u16(size * 8); // bit offset, precision
    }

    private static void floatingPoint(LittleEndianBuffer out, int size, int signLocation,
            int exponentLocation, int exponentSize, int mantissaLocation, int mantissaSize, long bias) {
        // little-endian, zero padding, mantissa normalization 2 (implied leading one)
        header(out, CLASS_FLOATING_POINT, 0x20, signLocation, 0, size);
        out.u16(0).u16(size * 8)
                .u8(exponentLocation).u8(exponentSize).u8(mantissaLocation).u8(mantissaSize)
                .u32(bias);
    }

    /** numpy bool as h5py stores it: an enum over int8 with FALSE = 0 and TRUE = 1. */
    private static void booleanEnum(LittleEndianBuffer out) {
        header(out, CLASS_ENUM, 2, 0, 0, 1); // two members
        fixedPoint(out, 1, true);
        paddedName(out, "FALSE");
        paddedName(out, "TRUE");
        out.u8(0).u8(1);
    }

    /** Version-1 enum member names: NUL-terminated, padded to a multiple of eight bytes. */
    private static void paddedName(LittleEndianBuffer out, String name) {
        out.ascii(name);
        int withNul = name.length() + 1;
        out.zeros(((withNul + 7) / 8) * 8 - name.length());
    }

    /**
     * An opaque type with an empty tag, as h5py stores numpy void ({@code V2}) and Keras bfloat16.
     * The library writes an empty tag as zero bytes, which jhdf 0.13 cannot read (it looks for a
     * NUL inside the tag field); eight NUL bytes decode to the same empty tag in the HDF5 library
     * and in jhdf.
     */
    private static void opaque(LittleEndianBuffer out, int size) {
        header(out, CLASS_OPAQUE, 8, 0, 0, size); // tag field of 8 bytes
        out.zeros(8);
    }
}
