package dev.kerasview.archive;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes STORED zip archives byte by byte for tests, including what java.util.zip refuses to
 * write: duplicate names, '../' names, lying sizes, forced ZIP64 records.
 */
public final class TestZip {

    /** One entry; {@code declaredSize} overrides the uncompressed size in the central directory. */
    public record Entry(String name, byte[] data, long declaredSize, int method) {
        public static Entry of(String name, byte[] data) {
            return new Entry(name, data, data.length, 0);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private boolean zip64;

    public TestZip add(String name, byte[] data) {
        entries.add(Entry.of(name, data));
        return this;
    }

    public TestZip add(Entry e) {
        entries.add(e);
        return this;
    }

    /** Writes ZIP64 extra fields and end records even for small entries. */
    public TestZip forceZip64() {
        zip64 = true;
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(e.data());
            long offset = out.size();
            ByteBuffer local = le(30 + name.length);
            local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0)
                    .putShort((short) e.method()).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc.getValue()).putInt(e.data().length)
                    .putInt((int) Math.min(e.declaredSize(), 0xFFFFFFFFL))
                    .putShort((short) name.length).putShort((short) 0).put(name);
            out.writeBytes(local.array());
            out.writeBytes(e.data());
            byte[] extra = new byte[0];
            long usize = e.declaredSize();
            long csize = e.data().length;
            boolean big = zip64 || usize >= 0xFFFFFFFFL;
            if (big) {
                ByteBuffer x = le(4 + 24);
                x.putShort((short) 1).putShort((short) 24).putLong(usize).putLong(csize).putLong(offset);
                extra = x.array();
            }
            ByteBuffer c = le(46 + name.length + extra.length);
            c.putInt(0x02014b50).putShort((short) 45).putShort((short) 45).putShort((short) 0)
                    .putShort((short) e.method()).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc.getValue())
                    .putInt(big ? -1 : (int) csize).putInt(big ? -1 : (int) usize)
                    .putShort((short) name.length).putShort((short) extra.length)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt(big ? -1 : (int) offset).put(name).put(extra);
            central.writeBytes(c.array());
        }
        long cdOffset = out.size();
        byte[] cd = central.toByteArray();
        out.writeBytes(cd);
        if (zip64) {
            long z64 = out.size();
            ByteBuffer r = le(56);
            r.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0)
                    .putInt(0).putLong(entries.size()).putLong(entries.size()).putLong(cd.length)
                    .putLong(cdOffset);
            out.writeBytes(r.array());
            ByteBuffer loc = le(20);
            loc.putInt(0x07064b50).putInt(0).putLong(z64).putInt(1);
            out.writeBytes(loc.array());
        }
        ByteBuffer eocd = le(22);
        eocd.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) (zip64 ? 0xFFFF : entries.size()))
                .putShort((short) (zip64 ? 0xFFFF : entries.size()))
                .putInt(zip64 ? -1 : cd.length).putInt(zip64 ? -1 : (int) cdOffset)
                .putShort((short) 0);
        out.writeBytes(eocd.array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
