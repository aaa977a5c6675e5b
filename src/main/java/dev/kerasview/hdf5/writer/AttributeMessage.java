package dev.kerasview.hdf5.writer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes attribute messages (version 3). Variable-length strings go to the global heap; the
 * message then holds 16 bytes per string (length, collection address, object index).
 */
final class AttributeMessage {

    private static final int VLEN_REFERENCE_SIZE = 16;

    private AttributeMessage() {
    }

    /**
     * Attribute info without dense storage. The HDF5 library counts the attributes of a version-2
     * object header through this message (H5Oget_info, h5py's {@code len(attrs)}, h5diff); without
     * it they are reported as none, although each can still be opened by name.
     */
    static HeaderMessage info() {
        LittleEndianBuffer out = new LittleEndianBuffer(18);
        out.u8(0).u8(0) // version, flags: creation order neither tracked nor indexed
                .u64(LittleEndianBuffer.UNDEFINED_ADDRESS) // fractal heap (dense storage)
                .u64(LittleEndianBuffer.UNDEFINED_ADDRESS); // name index v2 B-tree
        return new HeaderMessage(HeaderMessage.ATTRIBUTE_INFO, 0, out.toByteArray());
    }

    /** The encoded message; variable-length strings are added to {@code heap}. */
    static HeaderMessage encode(String name, AttributeValue value, GlobalHeap heap) {
        byte[] datatype = datatype(value);
        byte[] dataspace = DataspaceMessage.encode(shape(value));
        byte[] data = data(value, heap);
        return assemble(name, datatype, dataspace, data);
    }

    /**
     * The size the message will have, without touching any heap; throws
     * {@link IllegalArgumentException} when the value cannot be stored.
     */
    static int validatedSize(String name, AttributeValue value) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        long size = 9L + nameBytes.length + 1 + datatype(value).length
                + DataspaceMessage.encode(shape(value)).length + dataSize(value);
        if (size > HeaderMessage.MAX_BODY_SIZE) {
            String hint = value instanceof AttributeValue.StringScalar s
                    && s.encoding() == StringEncoding.FIXED_ASCII
                    ? " Store long strings as VLEN_ASCII or VLEN_UTF8 (kept in the global heap)."
                    : " Split it into several attributes (Keras's loader joins '" + name + "0', '"
                            + name + "1', ...).";
            throw new IllegalArgumentException("attribute '" + name + "' needs " + size
                    + " bytes in the object header, more than HDF5's limit of "
                    + HeaderMessage.MAX_BODY_SIZE + "." + hint);
        }
        return (int) size;
    }

    private static HeaderMessage assemble(String name, byte[] datatype, byte[] dataspace, byte[] data) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        boolean ascii = nameBytes.length == name.length();
        LittleEndianBuffer out = new LittleEndianBuffer(9 + nameBytes.length + 1 + datatype.length
                + dataspace.length + data.length);
        out.u8(3).u8(0) // version, flags
                .u16(nameBytes.length + 1).u16(datatype.length).u16(dataspace.length)
                .u8(ascii ? 0 : 1) // name character set
                .bytes(nameBytes).u8(0)
                .bytes(datatype).bytes(dataspace).bytes(data);
        return new HeaderMessage(HeaderMessage.ATTRIBUTE, 0, out.toByteArray());
    }

    private static long[] shape(AttributeValue value) {
        if (value instanceof AttributeValue.StringScalar) {
            return new long[0];
        }
        if (value instanceof AttributeValue.StringArray array) {
            return new long[] {array.values().size()};
        }
        return ((AttributeValue.Numeric) value).shape().clone();
    }

    private static byte[] datatype(AttributeValue value) {
        if (value instanceof AttributeValue.Numeric numeric) {
            return DatatypeMessage.numeric(numericType(numeric));
        }
        StringEncoding encoding = stringEncoding(value);
        if (encoding == StringEncoding.FIXED_ASCII) {
            return DatatypeMessage.fixedString(fixedLength(strings(value)));
        }
        return DatatypeMessage.variableLengthString(encoding == StringEncoding.VLEN_UTF8);
    }

    private static long dataSize(AttributeValue value) {
        if (value instanceof AttributeValue.Numeric numeric) {
            return numeric.littleEndianData().length;
        }
        List<String> strings = strings(value);
        if (stringEncoding(value) == StringEncoding.FIXED_ASCII) {
            return (long) fixedLength(strings) * strings.size();
        }
        return (long) VLEN_REFERENCE_SIZE * strings.size();
    }

    private static byte[] data(AttributeValue value, GlobalHeap heap) {
        if (value instanceof AttributeValue.Numeric numeric) {
            return numeric.littleEndianData();
        }
        List<String> strings = strings(value);
        if (stringEncoding(value) == StringEncoding.FIXED_ASCII) {
            int length = fixedLength(strings);
            LittleEndianBuffer out = new LittleEndianBuffer(length * strings.size());
            for (String string : strings) {
                byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
                out.bytes(bytes).zeros(length - bytes.length);
            }
            return out.toByteArray();
        }
        LittleEndianBuffer out = new LittleEndianBuffer(VLEN_REFERENCE_SIZE * strings.size());
        for (String string : strings) {
            byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
            GlobalHeap.Reference reference = heap.add(bytes);
            out.u32(bytes.length).u64(reference.collectionAddress()).u32(reference.index());
        }
        return out.toByteArray();
    }

    /** Checks a numeric value's dtype and byte count against its shape. */
    static ElementType numericType(AttributeValue.Numeric numeric) {
        ElementType type = ElementType.forNumpyName(numeric.dtype()).orElseThrow(() ->
                new IllegalArgumentException("unsupported attribute dtype '" + numeric.dtype()
                        + "'; supported: " + ElementType.supportedNames()));
        long count = DataspaceMessage.elementCount(numeric.shape());
        if (count < 0 || count * type.size() != numeric.littleEndianData().length) {
            throw new IllegalArgumentException("numeric attribute of shape "
                    + Arrays.toString(numeric.shape()) + " and dtype " + type.numpyName()
                    + " needs " + (count < 0 ? "an impossible number of" : count * type.size())
                    + " bytes but " + numeric.littleEndianData().length + " were given");
        }
        return type;
    }

    private static List<String> strings(AttributeValue value) {
        if (value instanceof AttributeValue.StringScalar scalar) {
            return List.of(scalar.value());
        }
        return ((AttributeValue.StringArray) value).values();
    }

    private static StringEncoding stringEncoding(AttributeValue value) {
        StringEncoding encoding = value instanceof AttributeValue.StringScalar scalar
                ? scalar.encoding() : ((AttributeValue.StringArray) value).encoding();
        if (encoding == null) {
            throw new IllegalArgumentException("string attribute without an encoding");
        }
        return encoding;
    }

    /** Fixed-length strings are as long as the longest value's UTF-8 bytes (numpy's {@code S<n>}). */
    private static int fixedLength(List<String> strings) {
        int length = 1;
        for (String string : strings) {
            length = Math.max(length, string.getBytes(StandardCharsets.UTF_8).length);
        }
        return length;
    }
}
