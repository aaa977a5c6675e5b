package dev.kerasview.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a zip archive byte by byte, so that a test can make its headers say anything:
 * names that are not UTF-8 or escape the folder, duplicate entries, declared sizes far from
 * the stored ones, compressed data under a STORED-looking name.
 */
final class RawZip {

    /** One entry as it will be written: raw name bytes, stored bytes and what the headers declare. */
    record Entry(byte[] name, byte[] stored, int method, long crc, long declaredCompressed, long declaredSize, int flags) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A STORED entry whose headers tell the truth. */
    RawZip add(String name, byte[] data) {
        return add(name.getBytes(StandardCharsets.UTF_8), data);
    }

    RawZip add(byte[] name, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        entries.add(new Entry(name, data, 0, crc.getValue(), data.length, data.length, 0));
        return this;
    }

    /** An entry whose headers declare whatever the caller says. */
    RawZip add(Entry entry) {
        entries.add(entry);
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> offsets = new ArrayList<>();
        for (Entry e : entries) {
            offsets.add((long) out.size());
            byte[] h = new byte[30];
            LittleEndian.put(h, 0, 4, ZipLayout.LOCAL_HEADER);
            LittleEndian.put(h, 4, 2, 20);
            LittleEndian.put(h, 6, 2, e.flags());
            LittleEndian.put(h, 8, 2, e.method());
            LittleEndian.put(h, 12, 2, 0x21); // 1980-01-01
            LittleEndian.put(h, 14, 4, e.crc());
            LittleEndian.put(h, 18, 4, e.declaredCompressed());
            LittleEndian.put(h, 22, 4, e.declaredSize());
            LittleEndian.put(h, 26, 2, e.name().length);
            out.writeBytes(h);
            out.writeBytes(e.name());
            out.writeBytes(e.stored());
        }
        long central = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] h = new byte[46];
            LittleEndian.put(h, 0, 4, ZipLayout.CENTRAL_HEADER);
            LittleEndian.put(h, 4, 2, 20);
            LittleEndian.put(h, 6, 2, 20);
            LittleEndian.put(h, 8, 2, e.flags());
            LittleEndian.put(h, 10, 2, e.method());
            LittleEndian.put(h, 14, 2, 0x21);
            LittleEndian.put(h, 16, 4, e.crc());
            LittleEndian.put(h, 20, 4, e.declaredCompressed());
            LittleEndian.put(h, 24, 4, e.declaredSize());
            LittleEndian.put(h, 28, 2, e.name().length);
            LittleEndian.put(h, 42, 4, offsets.get(i));
            out.writeBytes(h);
            out.writeBytes(e.name());
        }
        long centralSize = out.size() - central;
        byte[] end = new byte[22];
        LittleEndian.put(end, 0, 4, ZipLayout.END_RECORD);
        LittleEndian.put(end, 8, 2, entries.size());
        LittleEndian.put(end, 10, 2, entries.size());
        LittleEndian.put(end, 12, 4, centralSize);
        LittleEndian.put(end, 16, 4, central);
        out.writeBytes(end);
        return out.toByteArray();
    }

    /** The entries of an intact archive, re-added with truthful STORED headers, for extending it. */
    static RawZip copyOf(byte[] zip) {
        RawZip raw = new RawZip();
        for (ZipLayout.Entry e : new ZipLayout(zip).entries()) {
            byte[] data = new byte[e.size()];
            System.arraycopy(zip, e.dataOffset(), data, 0, e.size());
            raw.add(e.name(), data);
        }
        return raw;
    }
}
