package dev.kerasview.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damage to the structures of an HDF5 file, possibly one stored inside a {@code .keras} zip
 * (then the entry's CRC is rewritten, so that the damage reaches the HDF5 reader instead of
 * being caught by the zip CRC).
 */
final class Hdf5Damage {

    /** A field: name, offset from the structure's start, width in bytes. */
    private record Field(String name, int offset, int width) {
    }

    private static final List<Field> SUPERBLOCK_V0 = List.of(
            new Field("signature", 1, 3), new Field("superblock-version", 8, 1),
            new Field("free-space-version", 9, 1), new Field("root-table-version", 10, 1),
            new Field("size-of-offsets", 13, 1), new Field("size-of-lengths", 14, 1),
            new Field("leaf-k", 16, 2), new Field("internal-k", 18, 2),
            new Field("base-address", 24, 8), new Field("end-of-file-address", 40, 8),
            new Field("driver-address", 48, 8), new Field("root-object-header", 64, 8),
            new Field("root-cache-type", 72, 4), new Field("root-btree", 80, 8), new Field("root-heap", 88, 8));

    private static final List<Field> SUPERBLOCK_V2 = List.of(
            new Field("signature", 1, 3), new Field("superblock-version", 8, 1),
            new Field("size-of-offsets", 9, 1), new Field("size-of-lengths", 10, 1),
            new Field("base-address", 12, 8), new Field("extension-address", 20, 8),
            new Field("end-of-file-address", 28, 8), new Field("root-object-header", 36, 8),
            new Field("checksum", 44, 4));

    private static final List<Field> OBJECT_HEADER_V1 = List.of(
            new Field("version", 0, 1), new Field("message-count", 2, 2), new Field("reference-count", 4, 4),
            new Field("header-size", 8, 4), new Field("first-message-type", 16, 2),
            new Field("first-message-size", 18, 2), new Field("first-message-flags", 20, 1),
            new Field("first-message-data", 24, 8), new Field("first-message-data+8", 32, 8),
            new Field("first-message-data+16", 40, 8));

    private static final List<Field> OBJECT_HEADER_V2 = List.of(
            new Field("signature", 0, 4), new Field("version", 4, 1), new Field("flags", 5, 1),
            new Field("chunk-size", 6, 4), new Field("first-message", 10, 8), new Field("first-message+8", 18, 8));

    private static final List<Field> TREE = List.of(
            new Field("node-type", 4, 1), new Field("level", 5, 1), new Field("entries-used", 6, 2),
            new Field("left-sibling", 8, 8), new Field("right-sibling", 16, 8), new Field("first-key", 24, 8),
            new Field("first-child", 32, 8));
    private static final List<Field> HEAP = List.of(
            new Field("version", 4, 1), new Field("data-size", 8, 8), new Field("free-list-offset", 16, 8),
            new Field("data-address", 24, 8));
    private static final List<Field> SNOD = List.of(
            new Field("version", 4, 1), new Field("symbol-count", 6, 2), new Field("first-name-offset", 8, 8),
            new Field("first-object-header", 16, 8));
    private static final List<Field> GCOL = List.of(
            new Field("version", 4, 1), new Field("collection-size", 8, 8), new Field("first-object-index", 16, 2),
            new Field("first-object-refcount", 18, 2), new Field("first-object-size", 24, 8));

    private final String name;
    private final byte[] original;
    private final int start;
    private final int length;
    private final ZipLayout.Entry zipEntry;
    private final String inside;

    /** The HDF5 file at {@code original[start, start+length)}; {@code zipEntry} is null for a plain .h5 file. */
    Hdf5Damage(String name, byte[] original, int start, int length, ZipLayout.Entry zipEntry) {
        this.name = name;
        this.original = original;
        this.start = start;
        this.length = length;
        this.zipEntry = zipEntry;
        this.inside = zipEntry == null ? "" : " in " + zipEntry.name();
    }

    private Hdf5Layout layout() {
        return new Hdf5Layout(original, start, length);
    }

    List<DamagedFile> superblock(Random rnd, int count) {
        int sb = layout().superblock();
        if (sb < 0) {
            return List.of();
        }
        List<Field> fields = layout().superblockVersion() <= 1 ? SUPERBLOCK_V0 : SUPERBLOCK_V2;
        return damage("hdf5-superblock", "", List.of(sb), fields, rnd, count);
    }

    List<DamagedFile> objectHeaders(Random rnd, int count) {
        List<DamagedFile> out = new ArrayList<>();
        List<Integer> headers = layout().objectHeaders();
        List<Integer> v1 = headers.stream().filter(h -> original[h] == 1).toList();
        List<Integer> v2 = headers.stream().filter(h -> original[h] == 'O').toList();
        for (int i = 0; i < count; i++) {
            boolean useV2 = v1.isEmpty() || (!v2.isEmpty() && rnd.nextBoolean());
            out.addAll(useV2
                    ? damage("hdf5-object-header", "OHDR ", v2, OBJECT_HEADER_V2, rnd, 1)
                    : damage("hdf5-object-header", "v1 header ", v1, OBJECT_HEADER_V1, rnd, 1));
        }
        return out;
    }

    /** Damage to B-tree nodes, local heaps, symbol table nodes and global heap collections. */
    List<DamagedFile> treesAndHeaps(Random rnd, int count) {
        List<DamagedFile> out = new ArrayList<>();
        String[] kinds = {"TREE", "HEAP", "SNOD", "GCOL"};
        List<List<Field>> fields = List.of(TREE, HEAP, SNOD, GCOL);
        for (int i = 0; i < count; i++) {
            int k = rnd.nextInt(kinds.length);
            List<Integer> found = layout().signatures(kinds[k]);
            for (int attempt = 0; found.isEmpty() && attempt < kinds.length; attempt++) {
                k = (k + 1) % kinds.length;
                found = layout().signatures(kinds[k]);
            }
            out.addAll(damage("hdf5-tree-heap", kinds[k] + " ", found, fields.get(k), rnd, 1));
        }
        return out;
    }

    private List<DamagedFile> damage(String damageClass, String what, List<Integer> structures, List<Field> fields, Random rnd, int count) {
        List<DamagedFile> out = new ArrayList<>();
        if (structures.isEmpty()) {
            return out;
        }
        for (int i = 0; i < count; i++) {
            byte[] b = original.clone();
            int at = structures.get(rnd.nextInt(structures.size()));
            Field field = fields.get(rnd.nextInt(fields.size()));
            if (at + field.offset() + field.width() > start + length) {
                continue;
            }
            long value = hostileValue(field, LittleEndian.get(b, at + field.offset(), field.width()), rnd);
            if (value == LittleEndian.get(b, at + field.offset(), field.width())) {
                value ^= 1;
            }
            LittleEndian.put(b, at + field.offset(), field.width(), value);
            if (zipEntry != null) {
                ZipLayout.fixCrc(b, zipEntry);
            }
            out.add(new DamagedFile(damageClass, what + field.name() + " at " + (at - start) + inside + " set to " + value, name, b));
        }
        return out;
    }

    /** Values that make sizes absurd, addresses point outside the file, and versions unknown. */
    private static long hostileValue(Field field, long current, Random rnd) {
        long allOnes = field.width() == 8 ? -1L : (1L << (8 * field.width())) - 1;
        long mask = allOnes;
        return switch (rnd.nextInt(8)) {
            case 0 -> 0;
            case 1 -> allOnes;
            case 2 -> (current + 1) & mask;
            case 3 -> (current - 1) & mask;
            case 4 -> field.width() == 1 ? 3 + rnd.nextInt(250) : (1L << 40) & mask;
            case 5 -> current ^ (1L << rnd.nextInt(8 * field.width()));
            case 6 -> field.width() >= 4 ? 0x7FFF_FFFFL : 0x7F;
            default -> rnd.nextLong() & mask;
        };
    }
}
