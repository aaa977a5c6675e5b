package dev.kerasview.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Damage that ignores the format: truncation, bit flips, zeroed ranges. */
final class ByteDamage {

    private ByteDamage() {
    }

    /** Truncations at fixed landmarks (nothing, 1 byte, 8 bytes, half, one short of the end) and random points. */
    static List<DamagedFile> truncations(String name, byte[] original, Random rnd, int randomPoints, boolean landmarks) {
        List<Integer> points = new ArrayList<>();
        if (landmarks) {
            points.addAll(List.of(0, 1, 8, original.length / 2, original.length - 1));
        }
        if (landmarks && ZipLayout.isZip(original)) {
            // just before the end record, in the middle of the central directory
            points.add(Math.max(0, original.length - 22));
            points.add(Math.max(0, original.length - 23));
        }
        for (int i = 0; i < randomPoints; i++) {
            points.add(rnd.nextInt(original.length));
        }
        List<DamagedFile> out = new ArrayList<>();
        for (int p : points) {
            out.add(new DamagedFile("truncation", "cut to " + p + " of " + original.length + " bytes",
                    name, Arrays.copyOf(original, p)));
        }
        return out;
    }

    /** Copies with {@code flips} random bits inverted, for each count given. */
    static List<DamagedFile> bitFlips(String name, byte[] original, Random rnd, int... flipCounts) {
        List<DamagedFile> out = new ArrayList<>();
        for (int flips : flipCounts) {
            byte[] b = original.clone();
            StringBuilder where = new StringBuilder();
            for (int i = 0; i < flips; i++) {
                int at = rnd.nextInt(b.length);
                int bit = rnd.nextInt(8);
                b[at] ^= (byte) (1 << bit);
                if (i < 4) {
                    where.append(i == 0 ? "" : ",").append(at).append('.').append(bit);
                }
            }
            out.add(new DamagedFile("bit-flip", flips + " bits at " + where + (flips > 4 ? ",..." : ""), name, b));
        }
        return out;
    }

    /** Copies with a random range of each given length set to zero. */
    static List<DamagedFile> zeroedRanges(String name, byte[] original, Random rnd, int... lengths) {
        List<DamagedFile> out = new ArrayList<>();
        for (int len : lengths) {
            byte[] b = original.clone();
            int n = Math.min(len, b.length);
            int at = rnd.nextInt(b.length - n + 1);
            for (int attempt = 0; attempt < 100 && allZero(b, at, n); attempt++) {
                at = rnd.nextInt(b.length - n + 1);
            }
            Arrays.fill(b, at, at + n, (byte) 0);
            out.add(new DamagedFile("zeroed-range", n + " bytes at " + at, name, b));
        }
        return out;
    }

    private static boolean allZero(byte[] b, int at, int n) {
        for (int i = at; i < at + n; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
