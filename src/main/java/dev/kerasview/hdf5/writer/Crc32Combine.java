package dev.kerasview.hdf5.writer;

/**
 * zlib's {@code crc32_combine}: the CRC-32 of two byte runs one after the other, from each run's
 * CRC-32 and the second run's length, without the bytes.
 */
final class Crc32Combine {

    private static final int POLY = 0xedb88320;

    private Crc32Combine() {
    }

    /** CRC-32 of {@code A || B} from {@code crcA}, {@code crcB} and the length of B. */
    static int combine(int crcA, int crcB, long lengthB) {
        if (lengthB <= 0) {
            return crcA;
        }
        int[] odd = new int[32];
        int[] even = new int[32];
        odd[0] = POLY; // the operator for one zero bit
        int row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        int crc = crcA;
        long len = lengthB;
        // Apply len zero bytes to crcA, squaring the operator each step (first step: one byte).
        do {
            square(even, odd);
            if ((len & 1) != 0) {
                crc = times(even, crc);
            }
            len >>>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                crc = times(odd, crc);
            }
            len >>>= 1;
        } while (len != 0);
        return crc ^ crcB;
    }

    private static int times(int[] matrix, int vector) {
        int sum = 0;
        int i = 0;
        while (vector != 0) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
            vector >>>= 1;
            i++;
        }
        return sum;
    }

    private static void square(int[] out, int[] matrix) {
        for (int n = 0; n < 32; n++) {
            out[n] = times(matrix, matrix[n]);
        }
    }
}
