package dev.kerasview.hdf5;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A minimal reader of version-1 HDF5 object headers (format spec IV.A.1.a), the kind h5py
 * writes: what the structure tree needs (shape, element type, where the bytes are,
 * attributes, a group's symbol table) and whether anything else is there that only jhdf
 * reads. It also serves datasets jhdf cannot parse (a 2-byte opaque type with an empty tag,
 * which is how h5py stores bfloat16, makes jhdf fail on the whole group).
 */
final class RawObjectHeader {

    private static final int DATASPACE = 0x0001;
    private static final int LINK_INFO = 0x0002;
    private static final int DATATYPE = 0x0003;
    private static final int LINK = 0x0006;
    private static final int EXTERNAL_FILES = 0x0007;
    private static final int LAYOUT = 0x0008;
    private static final int ATTRIBUTE = 0x000C;
    private static final int CONTINUATION = 0x0010;
    private static final int SYMBOL_TABLE = 0x0011;
    private static final int ATTRIBUTE_INFO = 0x0015;
    /** Message flag: the message is stored elsewhere and only referenced here. */
    private static final int SHARED_MESSAGE = 0x02;

    long dataAddress = -1;
    boolean chunked;
    long symbolTableBTree = -1;
    long symbolTableHeap = -1;
    boolean hasDataspace;
    /** Layout message class (0 compact, 1 contiguous, 2 chunked), or -1 without one. */
    int layoutClass = -1;
    /** The first thing found that the classic-layout reader leaves to jhdf, or null. */
    String notClassic;
    private ByteBuffer datatypeBlock;
    private int datatypeAt;
    private ByteBuffer spaceBlock;
    private int spaceAt;
    private final List<ByteBuffer> attributeBlocks = new ArrayList<>();
    private final List<int[]> attributeAt = new ArrayList<>();

    static RawObjectHeader read(StructureBytes bytes, long address) {
        RawObjectHeader h = new RawObjectHeader();
        int so = bytes.offsets();
        ByteBuffer prefix = bytes.read(address, 16);
        if (prefix.get(0) != 1) {
            // a version-2 header starts with its signature "OHDR" instead of a version number
            throw new ClassicLayoutReader.NotClassic("the object header at " + address
                    + " is not of version 1");
        }
        int messages = Short.toUnsignedInt(prefix.getShort(2));
        long headerSize = Integer.toUnsignedLong(prefix.getInt(8));
        Deque<long[]> blocks = new ArrayDeque<>();
        blocks.add(new long[] {address + 16, headerSize});
        int read = 0;
        while (!blocks.isEmpty() && read < messages) {
            long[] block = blocks.poll();
            ByteBuffer b = bytes.read(block[0], block[1]);
            int p = 0;
            while (p + 8 <= b.limit() && read < messages) {
                int type = Short.toUnsignedInt(b.getShort(p));
                int size = Short.toUnsignedInt(b.getShort(p + 2));
                int d = p + 8;
                read++;
                if ((b.get(p + 4) & SHARED_MESSAGE) != 0) {
                    h.unsupported("a shared message of type " + type);
                }
                switch (type) {
                    case DATASPACE -> {
                        h.hasDataspace = true;
                        h.spaceBlock = b;
                        h.spaceAt = d;
                    }
                    case DATATYPE -> {
                        h.datatypeBlock = b;
                        h.datatypeAt = d;
                    }
                    case LAYOUT -> h.layout(b, d, so, block[0]);
                    case ATTRIBUTE -> {
                        h.attributeBlocks.add(b);
                        h.attributeAt.add(new int[] {d, size});
                    }
                    case LINK_INFO, LINK -> h.unsupported("a new-style group (link messages)");
                    case ATTRIBUTE_INFO -> h.unsupported("attributes in dense storage");
                    case EXTERNAL_FILES -> h.unsupported("data in external files");
                    case CONTINUATION -> blocks.add(new long[] {StructureBytes.unsigned(b, d, so),
                            StructureBytes.unsigned(b, d + so, bytes.lengths())});
                    case SYMBOL_TABLE -> {
                        h.symbolTableBTree = StructureBytes.unsigned(b, d, so);
                        h.symbolTableHeap = StructureBytes.unsigned(b, d + so, so);
                    }
                    default -> {
                    }
                }
                p = d + size;
            }
        }
        return h;
    }

    private void unsupported(String what) {
        if (notClassic == null) {
            notClassic = what;
        }
    }

    /** True with a datatype message: a dataset, or (without a dataspace) a committed datatype. */
    boolean hasDatatype() {
        return datatypeBlock != null;
    }

    /** The element type in full, or null without a datatype message. */
    RawDatatype type() {
        return datatypeBlock == null ? null : RawDatatype.parse(datatypeBlock, datatypeAt);
    }

    /** The dataspace in full, or null without a dataspace message. */
    RawDataspace space(int sizeOfLengths) {
        return spaceBlock == null ? null : RawDataspace.parse(spaceBlock, spaceAt, sizeOfLengths);
    }

    /** The attributes in full, in the order of their messages. */
    List<RawAttribute> attributes(int sizeOfLengths) {
        List<RawAttribute> out = new ArrayList<>(attributeAt.size());
        for (int i = 0; i < attributeAt.size(); i++) {
            int[] at = attributeAt.get(i);
            out.add(RawAttribute.parse(attributeBlocks.get(i), at[0], at[1], sizeOfLengths));
        }
        return out;
    }

    private void layout(ByteBuffer b, int d, int so, long blockAddress) {
        int version = b.get(d);
        if (version != 3) {
            unsupported("a version-" + version + " layout message");
            return;
        }
        int cls = b.get(d + 1);
        layoutClass = cls;
        if (cls == 0) {
            dataAddress = blockAddress + d + 4;
        } else if (cls == 1) {
            dataAddress = StructureBytes.unsigned(b, d + 2, so);
        } else {
            chunked = true;
        }
    }
}
