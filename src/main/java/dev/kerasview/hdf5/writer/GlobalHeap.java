package dev.kerasview.hdf5.writer;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out global heap collections ("GCOL") holding variable-length string bytes, starting at a
 * given file address. As the HDF5 library does, a collection is 4 KB unless one object needs more
 * (a 300 KB model config gets a collection as large as it needs), and a new one starts when the
 * next object does not fit: readers such as jhdf parse a whole collection to resolve any one
 * string of it, so a 1 MB collection made reading a file's 1,000 string attributes quadratic.
 */
final class GlobalHeap {

    /** Where a stored object is: the address of its collection and its index there. */
    record Reference(long collectionAddress, int index) {
    }

    /** The HDF5 library always reads the first 4 KB of a collection, so none is smaller. */
    static final int MIN_COLLECTION_SIZE = 4096;
    private static final int HEADER_SIZE = 16;
    private static final int OBJECT_HEADER_SIZE = 16;
    private static final long SOFT_COLLECTION_LIMIT = MIN_COLLECTION_SIZE;

    private final List<byte[]> finished = new ArrayList<>();
    private long nextAddress;
    private LittleEndianBuffer current;
    private int currentObjects;

    GlobalHeap(long startAddress) {
        this.nextAddress = startAddress;
    }

    /** Stores {@code object} and returns where it will be in the file. */
    Reference add(byte[] object) {
        long needed = OBJECT_HEADER_SIZE + align8(object.length);
        // At most 255 objects fit in 4 KB, so the 16-bit object index cannot overflow.
        if (current != null && current.size() + needed > SOFT_COLLECTION_LIMIT) {
            finishCurrent();
        }
        if (current == null) {
            current = new LittleEndianBuffer((int) Math.min(SOFT_COLLECTION_LIMIT, Math.max(
                    MIN_COLLECTION_SIZE, HEADER_SIZE + needed + OBJECT_HEADER_SIZE)));
            current.ascii("GCOL").u8(1).zeros(3).u64(0); // size patched when finished
            currentObjects = 0;
        }
        int index = ++currentObjects;
        current.u16(index).u16(0).u32(0).u64(object.length).bytes(object)
                .zeros((int) (align8(object.length) - object.length));
        return new Reference(nextAddress, index);
    }

    /** The finished collections, in file order starting at the start address. */
    List<byte[]> collections() {
        if (current != null) {
            finishCurrent();
        }
        return List.copyOf(finished);
    }

    private void finishCurrent() {
        int used = current.size();
        int size = Math.max(MIN_COLLECTION_SIZE, used);
        if (size - used > 0 && size - used < OBJECT_HEADER_SIZE) {
            size += OBJECT_HEADER_SIZE; // never leave a tail too small for the free-space object
        }
        int free = size - used;
        if (free > 0) {
            // The free-space object (index 0): its size counts its own header.
            current.u16(0).u16(0).u32(0).u64(free).zeros(free - OBJECT_HEADER_SIZE);
        }
        byte[] bytes = current.toByteArray();
        for (int i = 0; i < 8; i++) {
            bytes[8 + i] = (byte) ((long) size >>> (8 * i));
        }
        finished.add(bytes);
        nextAddress += size;
        current = null;
    }

    private static long align8(long length) {
        return (length + 7) & ~7L;
    }
}
