package dev.kerasview.hdf5;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * One global heap collection (format spec III.E), where HDF5 keeps the bytes of
 * variable-length strings: parsed once into its objects, by index.
 */
final class GlobalHeapCollection {

    private static final int SIGNATURE = 0x4C4F4347; // "GCOL" read little-endian

    private final Map<Integer, ByteBuffer> objects = new HashMap<>();

    /** Parses the collection at {@code address}. */
    GlobalHeapCollection(StructureBytes bytes, long address) {
        int lengths = bytes.lengths();
        int header = 8 + lengths;
        ByteBuffer h = bytes.read(address, header);
        if (h.getInt(0) != SIGNATURE || h.get(4) != 1) {
            throw new IllegalStateException("no global heap collection at " + address);
        }
        long size = StructureBytes.unsigned(h, 8, lengths);
        if (size < header) {
            throw new IllegalStateException("global heap collection of " + size + " bytes");
        }
        ByteBuffer b = bytes.read(address + header, size - header);
        int p = 0;
        int objectHeader = 8 + lengths;
        while (b.limit() - p >= 16) {
            int index = Short.toUnsignedInt(b.getShort(p));
            if (index == 0) {
                // the free space that ends every collection
                break;
            }
            long length = StructureBytes.unsigned(b, p + 8, lengths);
            if (length < 0 || length > b.limit() - p - objectHeader) {
                throw new IllegalStateException("global heap object " + index + " runs past its collection");
            }
            objects.put(index, b.slice(p + objectHeader, (int) length));
            p += objectHeader + (int) ((length + 7) & ~7L);
        }
    }

    /** The bytes of object {@code index}. */
    ByteBuffer object(int index) {
        ByteBuffer o = objects.get(index);
        if (o == null) {
            throw new IllegalStateException("global heap object " + index + " is missing");
        }
        return o.duplicate();
    }
}
