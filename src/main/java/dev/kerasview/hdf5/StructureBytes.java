package dev.kerasview.hdf5;

import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes of an HDF5 file's structures, for the readers of single structures: every read is
 * checked against the file's end first, because the lengths come from the file itself and a
 * damaged one must fail as a readable error, not as gigabytes allocated.
 */
final class StructureBytes {

    private final HdfBackingStorage storage;
    private final long end;

    StructureBytes(HdfBackingStorage storage) {
        this.storage = storage;
        this.end = storage.size() - storage.getUserBlockSize();
    }

    /** The {@code length} bytes at {@code address} (relative to the file's base), little-endian. */
    ByteBuffer read(long address, long length) {
        if (address < 0 || length < 0 || length > end - address) {
            throw new IllegalStateException(length + " bytes at address " + address
                    + " run past the end of the file (" + end + " bytes)");
        }
        return storage.readBufferFromAddress(address, (int) length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * An unsigned little-endian integer of 2, 4 or 8 bytes, the sizes of this file's addresses and
     * lengths ({@code -1} is the undefined address).
     */
    static long unsigned(ByteBuffer b, int p, int size) {
        return switch (size) {
            case 2 -> Short.toUnsignedLong(b.getShort(p));
            case 4 -> Integer.toUnsignedLong(b.getInt(p));
            default -> b.getLong(p);
        };
    }

    /** Size in bytes of an address in this file. */
    int offsets() {
        return storage.getSizeOfOffsets();
    }

    /** Size in bytes of a length in this file. */
    int lengths() {
        return storage.getSizeOfLengths();
    }
}
