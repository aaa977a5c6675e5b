package dev.kerasview.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a zip's central directory (ZIP64 included) and each entry's local header offset. */
final class CentralDirectoryParser {

    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CENTRAL_SIG = 0x02014b50;
    private static final int LOCAL_SIG = 0x04034b50;
    private static final int EOCD_MIN = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    /** More entries than this is not a model archive; it bounds the memory a hostile file costs. */
    private static final long MAX_ENTRIES = 1_000_000;
    private static final long MAX_DIRECTORY_BYTES = 256L * 1024 * 1024;

    private final FileChannel channel;
    private final long size;

    CentralDirectoryParser(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    List<ZipEntryInfo> parse() throws IOException {
        long eocd = findEndOfCentralDirectory();
        ByteBuffer e = read(eocd, EOCD_MIN);
        long entries = Short.toUnsignedLong(e.getShort(10));
        long dirSize = Integer.toUnsignedLong(e.getInt(12));
        long dirOffset = Integer.toUnsignedLong(e.getInt(16));
        if (entries == 0xFFFF || dirSize == 0xFFFFFFFFL || dirOffset == 0xFFFFFFFFL) {
            long[] z = readZip64(eocd);
            if (z != null) {
                entries = z[0];
                dirSize = z[1];
                dirOffset = z[2];
            }
        }
        if (entries > MAX_ENTRIES || dirSize > MAX_DIRECTORY_BYTES || dirOffset + dirSize > size) {
            throw new ZipFormatException(String.format(Locale.ROOT,
                    "the zip central directory (%d entries, %d bytes at offset %d) does not fit "
                            + "in the %d-byte file", entries, dirSize, dirOffset, size));
        }
        ByteBuffer dir = read(dirOffset, (int) dirSize);
        List<ZipEntryInfo> result = new ArrayList<>();
        int p = 0;
        for (long i = 0; i < entries; i++) {
            if (p + 46 > dir.limit() || dir.getInt(p) != CENTRAL_SIG) {
                throw new ZipFormatException("the zip central directory is damaged at entry " + i);
            }
            result.add(parseEntry(dir, p));
            p += 46 + Short.toUnsignedInt(dir.getShort(p + 28))
                    + Short.toUnsignedInt(dir.getShort(p + 30))
                    + Short.toUnsignedInt(dir.getShort(p + 32));
        }
        return result;
    }

    private ZipEntryInfo parseEntry(ByteBuffer dir, int p) throws IOException {
        int method = Short.toUnsignedInt(dir.getShort(p + 10));
        long crc = Integer.toUnsignedLong(dir.getInt(p + 16));
        long csize = Integer.toUnsignedLong(dir.getInt(p + 20));
        long usize = Integer.toUnsignedLong(dir.getInt(p + 24));
        int nameLen = Short.toUnsignedInt(dir.getShort(p + 28));
        int extraLen = Short.toUnsignedInt(dir.getShort(p + 30));
        long lho = Integer.toUnsignedLong(dir.getInt(p + 42));
        if (p + 46 + nameLen + extraLen > dir.limit()) {
            throw new ZipFormatException("the zip central directory is truncated");
        }
        byte[] nameBytes = new byte[nameLen];
        dir.get(p + 46, nameBytes);
        String name = new String(nameBytes, StandardCharsets.UTF_8);
        int x = p + 46 + nameLen;
        int xEnd = x + extraLen;
        while (x + 4 <= xEnd) {
            int id = Short.toUnsignedInt(dir.getShort(x));
            int len = Short.toUnsignedInt(dir.getShort(x + 2));
            if (id == 0x0001) {
                // ZIP64 extra: only the fields whose 32-bit value is saturated, in this order.
                int q = x + 4;
                int qEnd = Math.min(x + 4 + len, xEnd);
                if (usize == 0xFFFFFFFFL && q + 8 <= qEnd) {
                    usize = dir.getLong(q);
                    q += 8;
                }
                if (csize == 0xFFFFFFFFL && q + 8 <= qEnd) {
                    csize = dir.getLong(q);
                    q += 8;
                }
                if (lho == 0xFFFFFFFFL && q + 8 <= qEnd) {
                    lho = dir.getLong(q);
                }
            }
            x += 4 + len;
        }
        return new ZipEntryInfo(name, method, csize, usize, crc, lho, dataOffset(name, lho));
    }

    private long dataOffset(String name, long lho) throws IOException {
        if (lho < 0 || lho + 30 > size) {
            return -1;
        }
        ByteBuffer h = read(lho, 30);
        if (h.getInt(0) != LOCAL_SIG) {
            throw new ZipFormatException("entry '" + name + "' has no local header at offset " + lho);
        }
        return lho + 30 + Short.toUnsignedInt(h.getShort(26)) + Short.toUnsignedInt(h.getShort(28));
    }

    private long[] readZip64(long eocd) throws IOException {
        if (eocd < 20) {
            return null;
        }
        ByteBuffer loc = read(eocd - 20, 20);
        if (loc.getInt(0) != ZIP64_LOCATOR_SIG) {
            return null;
        }
        long z = loc.getLong(8);
        if (z < 0 || z + 56 > size) {
            throw new ZipFormatException("the ZIP64 end record offset " + z + " lies outside the file");
        }
        ByteBuffer r = read(z, 56);
        if (r.getInt(0) != ZIP64_EOCD_SIG) {
            throw new ZipFormatException("no ZIP64 end record at offset " + z);
        }
        return new long[] {r.getLong(32), r.getLong(40), r.getLong(48)};
    }

    private long findEndOfCentralDirectory() throws IOException {
        if (size < EOCD_MIN) {
            throw new ZipFormatException("the file is too short to be a zip archive");
        }
        int window = (int) Math.min(size, EOCD_MIN + MAX_COMMENT);
        long start = size - window;
        ByteBuffer tail = read(start, window);
        for (int i = window - EOCD_MIN; i >= 0; i--) {
            if (tail.getInt(i) == EOCD_SIG) {
                return start + i;
            }
        }
        throw new ZipFormatException("no zip end-of-central-directory record: the archive is "
                + "truncated or damaged");
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int n = channel.read(b, position + b.position());
            if (n < 0) {
                throw new ZipFormatException("unexpected end of file at offset "
                        + (position + b.position()));
            }
        }
        b.flip();
        return b;
    }
}
