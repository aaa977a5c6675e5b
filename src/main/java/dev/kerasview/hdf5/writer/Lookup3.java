package dev.kerasview.hdf5.writer;

/**
 * Bob Jenkins' lookup3 {@code hashlittle}, the checksum HDF5 puts on version-2 superblocks and
 * object headers (bytes read one at a time, so the result is independent of platform order).
 */
final class Lookup3 {

    private Lookup3() {
    }

    /** The lookup3 hash of {@code data[offset, offset + length)} with the given seed. */
    static int hash(byte[] data, int offset, int length, int initval) {
        int a = 0xdeadbeef + length + initval;
        int b = a;
        int c = a;
        int k = offset;
        int remaining = length;
        while (remaining > 12) {
            a += word(data, k);
            b += word(data, k + 4);
            c += word(data, k + 8);
            // mix(a, b, c)
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
            remaining -= 12;
            k += 12;
        }
        if (remaining == 0) {
            return c;
        }
        // The tail: up to 12 bytes, zero-extended, added in little-endian order.
        int[] tail = new int[3];
        for (int i = 0; i < remaining; i++) {
            tail[i / 4] |= (data[k + i] & 0xff) << (8 * (i % 4));
        }
        a += tail[0];
        b += tail[1];
        c += tail[2];
        // final(a, b, c)
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return c;
    }

    /** The HDF5 metadata checksum (seed 0) of a whole array. */
    static int checksum(byte[] data, int offset, int length) {
        return hash(data, offset, length, 0);
    }

    private static int word(byte[] data, int i) {
        return (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16
                | (data[i + 3] & 0xff) << 24;
    }
}
