package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Writes an HDF5 file to a channel: dataset bytes as they arrive, metadata at {@link #close()}.
 * Readable by the HDF Group's library (h5dump, h5py) and by jhdf.
 *
 * <p>Format: superblock version 2, version-2 object headers, groups with compact link messages,
 * contiguous datasets, variable-length strings in global heap collections. Not thread-safe.
 * Invalid names or attribute values throw {@link IllegalArgumentException}; problems with a
 * dataset's dtype, shape or bytes, and I/O failures, throw {@link IOException}. After a failed
 * write the file is incomplete: close the channel and delete the file.
 */
public final class Hdf5Writer implements AutoCloseable {

    private final OutputFile file;
    private final WriterState state = new WriterState();
    private final GroupNode root;
    private byte[] superblock;

    /** Starts a file at offset 0 of {@code out}; the caller owns (and later closes) the channel. */
    public Hdf5Writer(FileChannel out) throws IOException {
        this(out, 0);
    }

    /**
     * Starts a file at byte {@code base} of {@code out} (inside a zip entry): its addresses count
     * from there, so the bytes from {@code base} on are the file exactly as written alone.
     */
    public Hdf5Writer(FileChannel out, long base) throws IOException {
        this(out, base, false);
    }

    /**
     * As {@link #Hdf5Writer(FileChannel, long)}; with {@code keepCrc} the CRC-32 of the file's
     * bytes is computed as they are written ({@link #crc32()}), for a zip entry's header: file
     * regions are then copied through a buffer rather than by the kernel.
     */
    public Hdf5Writer(FileChannel out, long base, boolean keepCrc) throws IOException {
        Objects.requireNonNull(out, "out");
        if (base < 0) {
            throw new IllegalArgumentException("base must not be negative: " + base);
        }
        this.file = new OutputFile(out, base, Superblock.SIZE, keepCrc);
        // Zeros until close: an unfinished file never looks like HDF5.
        file.writeAt(0, new byte[Superblock.SIZE]);
        this.root = new GroupNode("/", file, state);
    }

    /** The root group. */
    public GroupWriter root() {
        return root;
    }

    /** Bytes written so far, from the file's start (for progress; after close, its size). */
    public long bytesWritten() {
        return file.end();
    }

    /** Writes all metadata and the superblock; the file is complete after this returns. */
    @Override
    public void close() throws IOException {
        if (state.isClosed()) {
            return;
        }
        state.markClosed();
        file.checkUsable();
        long rootAddress = MetadataWriter.write(root, file);
        superblock = Superblock.encode(rootAddress, file.end());
        file.writeAt(0, superblock);
        file.truncateToEnd();
    }

    /**
     * The CRC-32 of the whole file as written (superblock, then every appended byte), known
     * without reading it back; only after {@link #close()} of a writer made with {@code keepCrc}.
     */
    public int crc32() {
        if (superblock == null) {
            throw new IllegalStateException("the file is not complete yet");
        }
        CRC32 head = new CRC32();
        head.update(superblock);
        return Crc32Combine.combine((int) head.getValue(), file.appendedCrc(), file.end() - superblock.length);
    }
}
