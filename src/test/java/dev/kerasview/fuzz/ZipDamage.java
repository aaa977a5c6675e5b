package dev.kerasview.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Damage to the structures of a zip archive, each located by its signature. */
final class ZipDamage {

    /** A header field: name, offset from the signature, width in bytes. */
    private record Field(String name, int offset, int width) {
    }

    private static final List<Field> LOCAL_FIELDS = List.of(
            new Field("signature", 0, 4), new Field("version", 4, 2), new Field("flags", 6, 2),
            new Field("method", 8, 2), new Field("crc", 14, 4), new Field("compressed-size", 18, 4),
            new Field("size", 22, 4), new Field("name-length", 26, 2), new Field("extra-length", 28, 2));

    private static final List<Field> CENTRAL_FIELDS = List.of(
            new Field("signature", 0, 4), new Field("flags", 8, 2), new Field("method", 10, 2),
            new Field("crc", 16, 4), new Field("compressed-size", 20, 4), new Field("size", 24, 4),
            new Field("name-length", 28, 2), new Field("extra-length", 30, 2),
            new Field("comment-length", 32, 2), new Field("disk", 34, 2),
            new Field("local-offset", 42, 4), new Field("name", 46, 1));

    private static final List<Field> END_FIELDS = List.of(
            new Field("signature", 0, 4), new Field("disk", 4, 2), new Field("central-disk", 6, 2),
            new Field("entries-on-disk", 8, 2), new Field("entries", 10, 2),
            new Field("central-size", 12, 4), new Field("central-offset", 16, 4),
            new Field("comment-length", 20, 2));

    private ZipDamage() {
    }

    static List<DamagedFile> localHeaders(String name, byte[] original, Random rnd, int count) {
        return damage("zip-local-header", name, original, rnd, count,
                new ZipLayout(original).signatures(ZipLayout.LOCAL_HEADER), LOCAL_FIELDS);
    }

    static List<DamagedFile> centralDirectory(String name, byte[] original, Random rnd, int count) {
        return damage("zip-central-directory", name, original, rnd, count,
                new ZipLayout(original).signatures(ZipLayout.CENTRAL_HEADER), CENTRAL_FIELDS);
    }

    /** Damaged end records, plus one archive without its end record and one with two. */
    static List<DamagedFile> endRecord(String name, byte[] original, Random rnd, int count) {
        ZipLayout layout = new ZipLayout(original);
        int end = layout.endRecord();
        List<DamagedFile> out = damage("zip-end-record", name, original, rnd, count,
                end < 0 ? List.of() : List.of(end), END_FIELDS);
        if (end >= 0) {
            out.add(new DamagedFile("zip-end-record", "end record removed", name,
                    Arrays.copyOf(original, end)));
            byte[] twice = Arrays.copyOf(original, original.length + (original.length - end));
            System.arraycopy(original, end, twice, original.length, original.length - end);
            LittleEndian.put(twice, original.length + 16, 4, 0);
            out.add(new DamagedFile("zip-end-record", "second end record pointing at offset 0", name, twice));
        }
        return out;
    }

    private static List<DamagedFile> damage(String damageClass, String name, byte[] original, Random rnd,
            int count, List<Integer> headers, List<Field> fields) {
        List<DamagedFile> out = new ArrayList<>();
        if (headers.isEmpty()) {
            return out;
        }
        for (int i = 0; i < count; i++) {
            byte[] b = original.clone();
            int header = headers.get(rnd.nextInt(headers.size()));
            Field field = fields.get(rnd.nextInt(fields.size()));
            long value = hostileValue(field, LittleEndian.get(b, header + field.offset(), field.width()), rnd);
            if (value == LittleEndian.get(b, header + field.offset(), field.width())) {
                value ^= 1;
            }
            LittleEndian.put(b, header + field.offset(), field.width(), value);
            out.add(new DamagedFile(damageClass, field.name() + " of header at " + header + " set to " + value, name, b));
        }
        return out;
    }

    /** A value chosen to break a reader: zero, all ones, off by one, a compression method it may not know. */
    private static long hostileValue(Field field, long current, Random rnd) {
        long allOnes = (1L << (8 * field.width())) - 1;
        if (field.name().equals("method")) {
            return new long[] {8, 12, 14, 99, 0xFFFF}[rnd.nextInt(5)];
        }
        if (field.name().equals("flags")) {
            return current | new long[] {1, 8, 0x40, 0x800, 0x2000}[rnd.nextInt(5)];
        }
        return switch (rnd.nextInt(6)) {
            case 0 -> 0;
            case 1 -> allOnes;
            case 2 -> (current + 1) & allOnes;
            case 3 -> (current - 1) & allOnes;
            case 4 -> allOnes >>> 1;
            default -> rnd.nextLong() & allOnes;
        };
    }
}
