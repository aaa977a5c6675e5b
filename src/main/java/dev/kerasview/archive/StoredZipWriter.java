package dev.kerasview.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a zip archive of STORED entries, as Python's {@code zipfile} writes a {@code .keras}:
 * small entries from memory, and one large entry whose bytes another writer puts in place
 * (between {@link #beginEntry} and {@link #endEntry}). ZIP64 records are added where sizes or
 * offsets need them.
 */
public final class StoredZipWriter {

    private static final int LOCAL_HEADER = 30;
    private static final long LIMIT = 0xFFFFFFFFL;
    private static final int UNIX_FILE_RW = 0100600 << 16;

    private record Entry(String name, long offset, long size, int crc, int dosTime, boolean zip64Local) {
    }

    private final FileChannel channel;
    private final int dosTime;
    private final List<Entry> entries = new ArrayList<>();
    private long position;
    private String open;
    private long openOffset;
    private boolean openZip64;

    /** Writes from byte 0 of {@code channel}; the caller owns the channel. */
    public StoredZipWriter(FileChannel channel, LocalDateTime time) {
        this.channel = channel;
        this.dosTime = dosTime(time);
    }

    /** Adds an entry holding {@code data}. */
    public void add(String name, byte[] data) throws IOException {
        checkNoOpenEntry();
        CRC32 crc = new CRC32();
        crc.update(data);
        long offset = position;
        writeAt(position, localHeader(name, data.length, (int) crc.getValue(), false));
        writeAt(position, data);
        entries.add(new Entry(name, offset, data.length, (int) crc.getValue(), dosTime, false));
    }

    /**
     * Starts an entry whose bytes the caller writes from the returned offset on.
     *
     * @param mayExceed4GiB reserve ZIP64 sizes in the local header
     */
    public long beginEntry(String name, boolean mayExceed4GiB) throws IOException {
        checkNoOpenEntry();
        open = name;
        openOffset = position;
        openZip64 = mayExceed4GiB;
        writeAt(position, localHeader(name, 0, 0, mayExceed4GiB));
        return position;
    }

    /**
     * Ends the open entry after {@code size} bytes whose CRC-32 the writer computed as it wrote
     * them (reading a multi-gigabyte entry back only for its CRC would cost a pass over it).
     */
    public void endEntry(long size, int crc) throws IOException {
        if (open == null) {
            throw new IllegalStateException("no entry is open");
        }
        long dataStart = position;
        if (!openZip64 && size >= LIMIT) {
            throw new IOException("entry " + open + " is " + size + " bytes, beyond a zip entry without ZIP64 sizes");
        }
        byte[] header = localHeader(open, size, crc, openZip64);
        ByteBuffer b = ByteBuffer.wrap(header);
        while (b.hasRemaining()) {
            channel.write(b, openOffset + b.position());
        }
        entries.add(new Entry(open, openOffset, size, crc, dosTime, openZip64));
        position = dataStart + size;
        open = null;
    }

    /** Writes the central directory and end records; the archive is complete after this. */
    public void finish() throws IOException {
        checkNoOpenEntry();
        long cdStart = position;
        for (Entry e : entries) {
            writeAt(position, centralHeader(e));
        }
        long cdSize = position - cdStart;
        boolean zip64 = cdStart >= LIMIT || cdSize >= LIMIT || entries.size() >= 0xFFFF;
        if (zip64) {
            long eocd64 = position;
            ByteBuffer r = le(56);
            r.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(entries.size()).putLong(entries.size()).putLong(cdSize).putLong(cdStart);
            writeAt(position, r.array());
            ByteBuffer loc = le(20);
            loc.putInt(0x07064b50).putInt(0).putLong(eocd64).putInt(1);
            writeAt(position, loc.array());
        }
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) Math.min(entries.size(), 0xFFFF)).putShort((short) Math.min(entries.size(), 0xFFFF))
                .putInt((int) Math.min(cdSize, LIMIT)).putInt((int) Math.min(cdStart, LIMIT)).putShort((short) 0);
        writeAt(position, end.array());
        if (channel.size() > position) {
            channel.truncate(position);
        }
    }

    private void checkNoOpenEntry() {
        if (open != null) {
            throw new IllegalStateException("entry " + open + " is still open");
        }
    }

    private byte[] localHeader(String name, long size, int crc, boolean zip64) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int extra = zip64 ? 20 : 0;
        ByteBuffer h = le(LOCAL_HEADER + n.length + extra);
        h.putInt(0x04034b50).putShort((short) (zip64 ? 45 : 20)).putShort(utf8Flag(name)).putShort((short) 0)
                .putInt(dosTime).putInt(crc)
                .putInt(zip64 ? (int) LIMIT : (int) size).putInt(zip64 ? (int) LIMIT : (int) size)
                .putShort((short) n.length).putShort((short) extra).put(n);
        if (zip64) {
            h.putShort((short) 1).putShort((short) 16).putLong(size).putLong(size);
        }
        return h.array();
    }

    private byte[] centralHeader(Entry e) {
        byte[] n = e.name().getBytes(StandardCharsets.UTF_8);
        boolean bigSize = e.size() >= LIMIT;
        boolean bigOffset = e.offset() >= LIMIT;
        int extraData = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
        int extra = extraData == 0 ? 0 : 4 + extraData;
        boolean zip64 = extra > 0 || e.zip64Local();
        ByteBuffer h = le(46 + n.length + extra);
        h.putInt(0x02014b50).putShort((short) (0x0300 | (zip64 ? 45 : 20))).putShort((short) (zip64 ? 45 : 20))
                .putShort(utf8Flag(e.name())).putShort((short) 0).putInt(e.dosTime()).putInt(e.crc())
                .putInt(bigSize ? (int) LIMIT : (int) e.size()).putInt(bigSize ? (int) LIMIT : (int) e.size())
                .putShort((short) n.length).putShort((short) extra).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt(UNIX_FILE_RW)
                .putInt(bigOffset ? (int) LIMIT : (int) e.offset()).put(n);
        if (extra > 0) {
            h.putShort((short) 1).putShort((short) extraData);
            if (bigSize) {
                h.putLong(e.size()).putLong(e.size());
            }
            if (bigOffset) {
                h.putLong(e.offset());
            }
        }
        return h.array();
    }

    private void writeAt(long at, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b, at + b.position());
        }
        position = at + bytes.length;
    }

    /** Python's zipfile marks a name UTF-8 only when it is not ASCII. */
    private static short utf8Flag(String name) {
        return (short) (name.chars().allMatch(c -> c < 0x80) ? 0 : 0x0800);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int dosTime(LocalDateTime t) {
        int year = Math.max(1980, t.getYear());
        return ((year - 1980) << 25) | (t.getMonthValue() << 21) | (t.getDayOfMonth() << 16)
                | (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2);
    }
}
