package dev.kerasview.archive;

import static dev.kerasview.model.FindingCode.DUPLICATE_ENTRY;
import static dev.kerasview.model.FindingCode.UNSAFE_ENTRY_NAME;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A zip archive read through its central directory: entry byte ranges, with the guards
 * applied and suspicious entries reported as {@link ArchiveIssue}s instead of thrown.
 */
public final class ZipArchive implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final List<ZipEntryInfo> entries;
    private final Map<String, ZipEntryInfo> usable;
    private final Map<String, ArchiveIssue> blocked;
    private final List<ArchiveIssue> issues;

    private ZipArchive(Path file, FileChannel channel, List<ZipEntryInfo> entries) {
        this.file = file;
        this.channel = channel;
        this.entries = List.copyOf(entries);
        this.usable = new LinkedHashMap<>();
        this.blocked = new HashMap<>();
        this.issues = new ArrayList<>();
        classify();
    }

    /** Opens and parses the archive; the caller closes it. */
    public static ZipArchive open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new ZipArchive(file, ch, new CentralDirectoryParser(ch).parse());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private void classify() {
        Map<String, Integer> seen = new HashMap<>();
        long size;
        try {
            size = channel.size();
        } catch (IOException e) {
            size = 0;
        }
        for (ZipEntryInfo e : entries) {
            int n = seen.merge(e.name(), 1, Integer::sum);
            if (n == 2) {
                issues.add(new ArchiveIssue(DUPLICATE_ENTRY, e.name(), "entry '" + e.name()
                        + "' appears more than once; Python's zipfile (and so Keras) reads the "
                        + "last copy, and the copies may differ"));
            }
            if (EntryGuard.unsafeName(e.name())) {
                ArchiveIssue i = new ArchiveIssue(UNSAFE_ENTRY_NAME, e.name(), "entry '"
                        + e.name() + "' has an absolute or '../' path that would write outside "
                        + "the extraction folder; it is ignored");
                issues.add(i);
                blocked.put(e.name(), i);
                continue;
            }
            Optional<ArchiveIssue> p = EntryGuard.sizeProblem(e, size);
            if (p.isPresent()) {
                issues.add(p.get());
                blocked.put(e.name(), p.get());
                usable.remove(e.name());
                continue;
            }
            // Like Python's zipfile, the last entry of a name wins.
            usable.put(e.name(), e);
            blocked.remove(e.name());
        }
    }

    /** The archive file. */
    public Path file() {
        return file;
    }

    /** Every entry of the central directory, in order, duplicates included. */
    public List<ZipEntryInfo> entries() {
        return entries;
    }

    /** What was suspicious or broken, in directory order. */
    public List<ArchiveIssue> issues() {
        return List.copyOf(issues);
    }

    /** The readable entry of that name (the last copy when duplicated). */
    public Optional<ZipEntryInfo> entry(String name) {
        return Optional.ofNullable(usable.get(name));
    }

    /** Why an entry of that name exists but may not be read, if so. */
    public Optional<ArchiveIssue> blockedReason(String name) {
        return Optional.ofNullable(blocked.get(name));
    }

    /** The channel of the archive file (for reading STORED byte ranges). */
    public FileChannel channel() {
        return channel;
    }

    /** Maps a STORED entry's bytes read-only; no copy. Only for entries under 2 GiB. */
    public ByteBuffer mapStored(ZipEntryInfo e) throws IOException {
        if (e.method() != ZipEntryInfo.STORED || e.compressedSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("only STORED entries under 2 GiB can be mapped");
        }
        return channel.map(FileChannel.MapMode.READ_ONLY, e.dataOffset(), e.compressedSize());
    }

    /** The entry's extracted bytes, refusing more than {@code maxBytes}. */
    public byte[] readBytes(ZipEntryInfo e, long maxBytes) throws IOException {
        if (e.uncompressedSize() > maxBytes) {
            throw new ZipFormatException(String.format(Locale.ROOT,
                    "entry '%s' is %d bytes, more than the %d accepted", e.name(),
                    e.uncompressedSize(), maxBytes));
        }
        try (InputStream in = open(e)) {
            byte[] b = in.readNBytes((int) e.uncompressedSize());
            if (b.length != e.uncompressedSize() || in.read() >= 0) {
                throw new ZipFormatException("entry '" + e.name() + "' does not hold the "
                        + e.uncompressedSize() + " bytes it declares");
            }
            return b;
        }
    }

    /** Extracts the entry to {@code target}, checking the declared size and CRC. */
    public void extractTo(ZipEntryInfo e, Path target) throws IOException {
        CRC32 crc = new CRC32();
        long written = 0;
        try (InputStream in = open(e);
             OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                written += n;
                if (written > e.uncompressedSize()) {
                    throw new ZipFormatException("entry '" + e.name()
                            + "' inflates beyond its declared size");
                }
                crc.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        if (written != e.uncompressedSize() || crc.getValue() != e.crc32()) {
            throw new ZipFormatException("entry '" + e.name() + "' is damaged (size or CRC differ)");
        }
    }

    private InputStream open(ZipEntryInfo e) throws IOException {
        InputStream raw = Channels.newInputStream(new RangeChannel(channel, e.dataOffset(),
                e.compressedSize()));
        if (e.method() == ZipEntryInfo.STORED) {
            return raw;
        }
        if (e.method() == ZipEntryInfo.DEFLATED) {
            return new InflaterInputStream(raw, new Inflater(true), 1 << 16) {
                @Override
                public void close() throws IOException {
                    super.close();
                    inf.end();
                }
            };
        }
        throw new ZipFormatException("entry '" + e.name() + "' uses unsupported compression "
                + "method " + e.method());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
