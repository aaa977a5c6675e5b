package dev.kerasview.fuzz;

/** Reads and writes little-endian integers in a byte array, the byte order of zip and HDF5. */
final class LittleEndian {

    private LittleEndian() {
    }

    static long get(byte[] b, int at, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xFFL);
        }
        return v;
    }

    static void put(byte[] b, int at, int width, long value) {
        for (int i = 0; i < width && at + i < b.length; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }

    static int u16(byte[] b, int at) {
        return (int) get(b, at, 2);
    }

    static long u32(byte[] b, int at) {
        return get(b, at, 4);
    }
}
