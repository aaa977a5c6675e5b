package dev.kerasview.hdf5;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The members of an old-style HDF5 group (format spec III.A.1, III.B, III.D): the group's
 * version-1 B-tree leads to symbol table nodes, whose entries name each member through the
 * group's local heap. Entries come in B-tree order, as jhdf lists them.
 */
final class SymbolTable {

    private static final int TREE = 0x45455254; // "TREE" read little-endian
    private static final int SNOD = 0x444F4E53;
    private static final int HEAP = 0x50414548;
    /** Deeper than any B-tree of a real file: a deeper one loops back on itself. */
    private static final int MAX_LEVEL = 64;

    /**
     * One member.
     *
     * @param name      its name
     * @param address   its object header's address
     * @param softLink  true for a soft link (cache type 2), which has no object of its own
     */
    record Entry(String name, long address, boolean softLink) {
    }

    private final StructureBytes bytes;
    private final int offsets;
    private final int lengths;

    SymbolTable(StructureBytes bytes) {
        this.bytes = bytes;
        this.offsets = bytes.offsets();
        this.lengths = bytes.lengths();
    }

    /** The members of the group whose symbol table message names {@code bTree} and {@code heap}. */
    List<Entry> entries(long bTree, long heap) {
        ByteBuffer names = heapData(heap);
        List<Entry> out = new ArrayList<>();
        collect(bTree, -1, names, out, new HashSet<>());
        return out;
    }

    private void collect(long node, int expectedLevel, ByteBuffer names, List<Entry> out, Set<Long> seen) {
        if (!seen.add(node)) {
            throw new IllegalStateException("group B-tree node " + node + " is reached twice");
        }
        int fixed = 8 + 2 * offsets;
        ByteBuffer h = read(node, fixed);
        if (h.getInt(0) != TREE || h.get(4) != 0) {
            throw new IllegalStateException("no group B-tree node at " + node);
        }
        int level = Byte.toUnsignedInt(h.get(5));
        if (level > MAX_LEVEL || (expectedLevel >= 0 && level != expectedLevel)) {
            throw new IllegalStateException("group B-tree node " + node + " at level " + level);
        }
        int used = Short.toUnsignedInt(h.getShort(6));
        // keys (heap offsets, of the lengths' size) and child addresses alternate, a key at each end
        ByteBuffer body = read(node + fixed, (long) used * (lengths + offsets) + lengths);
        for (int i = 0; i < used; i++) {
            long child = StructureBytes.unsigned(body, lengths + i * (lengths + offsets), offsets);
            if (level > 0) {
                collect(child, level - 1, names, out, seen);
            } else {
                symbols(child, names, out);
            }
        }
    }

    private void symbols(long node, ByteBuffer names, List<Entry> out) {
        ByteBuffer h = read(node, 8);
        if (h.getInt(0) != SNOD || h.get(4) != 1) {
            throw new IllegalStateException("no symbol table node at " + node);
        }
        int count = Short.toUnsignedInt(h.getShort(6));
        int size = 2 * offsets + 24;
        ByteBuffer b = read(node + 8, (long) count * size);
        for (int i = 0; i < count; i++) {
            int e = i * size;
            long nameAt = StructureBytes.unsigned(b, e, offsets);
            long address = StructureBytes.unsigned(b, e + offsets, offsets);
            int cache = b.getInt(e + 2 * offsets);
            if (cache < 0 || cache > 2) {
                throw new IllegalStateException("symbol table entry of cache type " + cache);
            }
            out.add(new Entry(name(names, nameAt), address, cache == 2));
        }
    }

    private ByteBuffer heapData(long heap) {
        ByteBuffer h = read(heap, 8 + 2 * lengths + offsets);
        if (h.getInt(0) != HEAP || h.get(4) != 0) {
            throw new IllegalStateException("no local heap at " + heap);
        }
        long size = StructureBytes.unsigned(h, 8, lengths);
        long data = StructureBytes.unsigned(h, 8 + 2 * lengths, offsets);
        return read(data, size);
    }

    /** A null-terminated UTF-8 name at {@code at} of the heap's data, as jhdf reads it. */
    private static String name(ByteBuffer names, long at) {
        if (at < 0 || at >= names.limit()) {
            throw new IllegalStateException("name offset " + at + " outside the group's heap");
        }
        int start = (int) at;
        int end = start;
        while (end < names.limit() && names.get(end) != 0) {
            end++;
        }
        if (end == names.limit()) {
            throw new IllegalStateException("name at " + at + " runs past the group's heap");
        }
        byte[] bytes = new byte[end - start];
        names.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private ByteBuffer read(long address, long length) {
        return bytes.read(address, length);
    }
}
