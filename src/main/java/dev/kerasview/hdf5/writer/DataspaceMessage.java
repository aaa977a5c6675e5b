package dev.kerasview.hdf5.writer;

/** Encodes a version-2 dataspace message: scalar for an empty shape, simple otherwise. */
final class DataspaceMessage {

    private DataspaceMessage() {
    }

    static byte[] encode(long[] shape) {
        LittleEndianBuffer out = new LittleEndianBuffer(4 + 8 * shape.length);
        out.u8(2).u8(shape.length).u8(0) // version, rank, no maximum dimensions
                .u8(shape.length == 0 ? 0 : 1); // 0 = scalar, 1 = simple
        for (long dimension : shape) {
            out.u64(dimension);
        }
        return out.toByteArray();
    }

    /** The number of elements of {@code shape}, or -1 when it overflows a long. */
    static long elementCount(long[] shape) {
        long count = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                return -1;
            }
            try {
                count = Math.multiplyExact(count, dimension);
            } catch (ArithmeticException overflow) {
                return -1;
            }
        }
        return count;
    }
}
