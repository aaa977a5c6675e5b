package dev.kerasview.hdf5;

/** IEEE 754 binary16 conversions (Java 17 has none built in). */
final class HalfFloats {

    private HalfFloats() {
    }

    static float halfToFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** Rounds to nearest even, as numpy does. */
    static short floatToHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int val = (bits & 0x7FFFFFFF);
        if (val >= 0x7F800000) {
            return (short) (sign | 0x7C00 | (val > 0x7F800000 ? 0x200 | ((val >>> 13) & 0x3FF) : 0));
        }
        if (val >= 0x477FF000) {
            return (short) (sign | 0x7C00);
        }
        if (val < 0x38800000) {
            if (val < 0x33000000) {
                return (short) sign;
            }
            int e = val >>> 23;
            int m = (val & 0x7FFFFF) | 0x800000;
            int shift = 126 - e;
            int half = m >>> shift;
            int rem = m & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rem > mid || (rem == mid && (half & 1) != 0)) {
                half++;
            }
            return (short) (sign | half);
        }
        int h = ((val - 0x38000000) >>> 13);
        int rem = val & 0x1FFF;
        if (rem > 0x1000 || (rem == 0x1000 && (h & 1) != 0)) {
            h++;
        }
        return (short) (sign | h);
    }
}
