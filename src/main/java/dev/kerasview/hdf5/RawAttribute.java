package dev.kerasview.hdf5;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An HDF5 attribute message (format spec IV.A.2.m), versions 1 to 3, as stored in an object
 * header: its name, element type, dimensions and the bytes of its value.
 *
 * @param name  the attribute's name
 * @param type  its element type
 * @param space its dimensions
 * @param data  its value's bytes (position 0 to limit), or null when it holds no element
 */
record RawAttribute(String name, RawDatatype type, RawDataspace space, ByteBuffer data) {

    private static final int SHARED_TYPE_OR_SPACE = 0x03;

    /** Parses the attribute message of {@code size} bytes at {@code at} of {@code b}. */
    static RawAttribute parse(ByteBuffer b, int at, int size, int sizeOfLengths) {
        int version = b.get(at);
        if (version < 1 || version > 3) {
            throw new ClassicLayoutReader.NotClassic("attribute message version " + version);
        }
        if (version > 1 && (b.get(at + 1) & SHARED_TYPE_OR_SPACE) != 0) {
            throw new ClassicLayoutReader.NotClassic("attribute with a shared datatype or dataspace");
        }
        int nameSize = Short.toUnsignedInt(b.getShort(at + 2));
        int typeSize = Short.toUnsignedInt(b.getShort(at + 4));
        int spaceSize = Short.toUnsignedInt(b.getShort(at + 6));
        int p = at + 8;
        String name;
        if (version == 3) {
            if (b.get(p) > 1) {
                throw new ClassicLayoutReader.NotClassic("attribute name character set " + b.get(p));
            }
            // jhdf decodes a version-3 name in its declared set and trims it
            name = new String(bytes(b, p + 1, nameSize), b.get(p) == 1
                    ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII).trim();
            p += 1 + nameSize;
        } else {
            name = untilNull(b, p, nameSize);
            p += version == 1 ? pad8(nameSize) : nameSize;
        }
        RawDatatype type = RawDatatype.parse(b, p);
        p += version == 1 ? pad8(typeSize) : typeSize;
        RawDataspace space = RawDataspace.parse(b, p, sizeOfLengths);
        p += version == 1 ? pad8(spaceSize) : spaceSize;
        long length = Math.multiplyExact(space.elements(), type.size());
        if (p + length > at + size) {
            throw new IllegalStateException("attribute '" + name + "' runs past its message");
        }
        ByteBuffer data = length == 0 ? null : b.slice(p, (int) length).order(b.order());
        return new RawAttribute(name, type, space, data);
    }

    private static int pad8(int n) {
        return (n + 7) & ~7;
    }

    private static byte[] bytes(ByteBuffer b, int at, int n) {
        byte[] out = new byte[n];
        b.get(at, out);
        return out;
    }

    /** The name as jhdf reads versions 1 and 2: UTF-8 up to the first null byte. */
    private static String untilNull(ByteBuffer b, int at, int n) {
        int end = 0;
        while (end < n && b.get(at + end) != 0) {
            end++;
        }
        if (end == n) {
            throw new IllegalStateException("attribute name without its terminating null byte");
        }
        return new String(bytes(b, at, end), StandardCharsets.UTF_8);
    }
}
