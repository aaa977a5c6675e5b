package dev.kerasview.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Rewrites an intact archive with one entry's content replaced, every entry STORED as Keras writes them. */
final class ArchiveRewriter {

    private ArchiveRewriter() {
    }

    static byte[] replace(byte[] zip, String entryName, byte[] content) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length + content.length);
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = e.getName().equals(entryName) ? content : in.readAllBytes();
                out.putNextEntry(stored(e.getName(), data));
                out.write(data);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("fixture archives are intact", e);
        }
    }

    /** Whether every entry of the archive reads back (a fixture may be a deliberately truncated archive). */
    static boolean intact(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            int entries = 0;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                in.readAllBytes();
                entries++;
            }
            return entries > 0 && new ZipLayout(zip).endRecord() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads one entry of an archive, or null when it is absent or the archive is itself damaged. */
    static byte[] read(byte[] zip, String entryName) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(entryName)) {
                    return in.readAllBytes();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    static ZipEntry stored(String name, byte[] data) {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        entry.setTime(315532800000L);
        return entry;
    }
}
