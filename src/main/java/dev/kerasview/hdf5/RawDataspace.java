package dev.kerasview.hdf5;

import java.nio.ByteBuffer;

/**
 * An HDF5 dataspace message (format spec IV.A.2.b): the dimensions of a dataset or attribute.
 *
 * @param dims the dimensions; empty for a scalar
 * @param none true for a null dataspace, which holds no element at all
 */
record RawDataspace(long[] dims, boolean none) {

    private static final int NULL_SPACE = 2;

    /** Parses the dataspace message at {@code at} of {@code b}, lengths of {@code sizeOfLengths} bytes. */
    static RawDataspace parse(ByteBuffer b, int at, int sizeOfLengths) {
        int version = b.get(at);
        int rank = Byte.toUnsignedInt(b.get(at + 1));
        boolean none = false;
        int start;
        if (version == 1) {
            start = at + 8;
        } else if (version == 2) {
            none = b.get(at + 3) == NULL_SPACE;
            start = at + 4;
        } else {
            throw new ClassicLayoutReader.NotClassic("dataspace message version " + version);
        }
        long[] dims = new long[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = StructureBytes.unsigned(b, start + i * sizeOfLengths, sizeOfLengths);
            if (dims[i] < 0) {
                throw new IllegalStateException("dimension beyond 2^63");
            }
        }
        return new RawDataspace(dims, none);
    }

    /** Number of elements: 0 for a null dataspace, 1 for a scalar. */
    long elements() {
        if (none) {
            return 0;
        }
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
