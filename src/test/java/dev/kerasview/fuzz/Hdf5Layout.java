package dev.kerasview.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the structures of an HDF5 file are, inside a byte array that may hold it at an offset
 * (a {@code model.weights.h5} entry inside a {@code .keras} zip): the superblock (at 0 or
 * 512·2^k), the object headers (version 2 by their {@code OHDR} signature, version 1 by following
 * the root symbol table entry and every symbol table node), and the signed B-tree, heap and
 * symbol-table structures.
 */
final class Hdf5Layout {

    static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private final byte[] bytes;
    private final int start;
    private final int length;

    /** The HDF5 file occupying {@code bytes[start, start+length)}. */
    Hdf5Layout(byte[] bytes, int start, int length) {
        this.bytes = bytes;
        this.start = start;
        this.length = length;
    }

    static boolean isHdf5(byte[] b) {
        return new Hdf5Layout(b, 0, b.length).superblock() >= 0;
    }

    /** Absolute offset of the superblock, or -1. */
    int superblock() {
        for (long at = 0; at + SIGNATURE.length <= length; at = at == 0 ? 512 : at * 2) {
            if (matches((int) (start + at), SIGNATURE)) {
                return (int) (start + at);
            }
        }
        return -1;
    }

    /** Superblock version byte, or -1 without a superblock. */
    int superblockVersion() {
        int sb = superblock();
        return sb < 0 ? -1 : bytes[sb + 8] & 0xFF;
    }

    /** Absolute offsets of object headers found by the version-1 layout and by OHDR signatures. */
    List<Integer> objectHeaders() {
        Set<Integer> found = new LinkedHashSet<>();
        int sb = superblock();
        if (sb >= 0) {
            int version = bytes[sb + 8] & 0xFF;
            long root = version <= 1
                    ? LittleEndian.get(bytes, sb + (version == 0 ? 64 : 68), 8)
                    : LittleEndian.get(bytes, sb + 36, 8);
            addVersion1Header(found, sb, root);
            for (int node : signatures("SNOD")) {
                int symbols = LittleEndian.u16(bytes, node + 6);
                for (int i = 0; i < symbols; i++) {
                    int entry = node + 8 + 40 * i;
                    if (entry + 16 > start + length) {
                        break;
                    }
                    addVersion1Header(found, sb, LittleEndian.get(bytes, entry + 8, 8));
                }
            }
        }
        found.addAll(signatures("OHDR"));
        return new ArrayList<>(found);
    }

    private void addVersion1Header(Set<Integer> found, int base, long address) {
        if (address < 0 || address >= length - 16) {
            return;
        }
        int at = (int) (base + address);
        if (at + 16 <= start + length && bytes[at] == 1 && bytes[at + 1] == 0) {
            found.add(at);
        } else if (at + 4 <= start + length && matches(at, "OHDR".getBytes())) {
            found.add(at);
        }
    }

    /** Absolute offsets of a 4-character structure signature (TREE, HEAP, SNOD, GCOL, OHDR...). */
    List<Integer> signatures(String signature) {
        byte[] sig = signature.getBytes();
        List<Integer> found = new ArrayList<>();
        for (int i = start; i + sig.length <= start + length; i++) {
            if (matches(i, sig)) {
                found.add(i);
            }
        }
        return found;
    }

    private boolean matches(int at, byte[] sig) {
        if (at < 0 || at + sig.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if (bytes[at + i] != sig[i]) {
                return false;
            }
        }
        return true;
    }
}
