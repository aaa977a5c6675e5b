package dev.kerasview.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Where the structures of a zip archive are, found by their signatures (as a damaged file is
 * scanned) and, for entry data ranges, by the central directory of the intact archive.
 */
final class ZipLayout {

    static final int LOCAL_HEADER = 0x04034b50;
    static final int CENTRAL_HEADER = 0x02014b50;
    static final int END_RECORD = 0x06054b50;
    static final int ZIP64_END_RECORD = 0x06064b50;
    static final int ZIP64_LOCATOR = 0x07064b50;

    /** One entry as the central directory describes it. */
    record Entry(String name, int centralOffset, int localOffset, int dataOffset, int size) {
    }

    private final byte[] bytes;

    ZipLayout(byte[] bytes) {
        this.bytes = bytes;
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && LittleEndian.u32(b, 0) == LOCAL_HEADER;
    }

    /** Offsets of every occurrence of a 4-byte little-endian signature. */
    List<Integer> signatures(int signature) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (LittleEndian.u32(bytes, i) == (signature & 0xFFFFFFFFL)) {
                found.add(i);
            }
        }
        return found;
    }

    /** The last end-of-central-directory record, or -1. */
    int endRecord() {
        for (int i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 65_535; i--) {
            if (LittleEndian.u32(bytes, i) == END_RECORD) {
                return i;
            }
        }
        return -1;
    }

    /** Entries read from the central directory (sizes from 32-bit fields; fixtures are small). */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        int end = endRecord();
        if (end < 0) {
            return entries;
        }
        int count = LittleEndian.u16(bytes, end + 10);
        int at = (int) LittleEndian.u32(bytes, end + 16);
        for (int i = 0; i < count && at + 46 <= bytes.length; i++) {
            int nameLen = LittleEndian.u16(bytes, at + 28);
            int extraLen = LittleEndian.u16(bytes, at + 30);
            int commentLen = LittleEndian.u16(bytes, at + 32);
            int size = (int) LittleEndian.u32(bytes, at + 20);
            int local = (int) LittleEndian.u32(bytes, at + 42);
            String name = new String(bytes, at + 46, nameLen, StandardCharsets.UTF_8);
            int data = local + 30 + LittleEndian.u16(bytes, local + 26) + LittleEndian.u16(bytes, local + 28);
            entries.add(new Entry(name, at, local, data, size));
            at += 46 + nameLen + extraLen + commentLen;
        }
        return entries;
    }

    /** The named entry, or null. */
    Entry entry(String name) {
        return entries().stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    /** Rewrites an entry's CRC in both headers so that damage inside it is not caught by the CRC. */
    static void fixCrc(byte[] b, Entry e) {
        CRC32 crc = new CRC32();
        crc.update(b, e.dataOffset(), e.size());
        LittleEndian.put(b, e.localOffset() + 14, 4, crc.getValue());
        LittleEndian.put(b, e.centralOffset() + 16, 4, crc.getValue());
    }
}
