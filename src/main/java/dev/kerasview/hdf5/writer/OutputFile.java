package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.util.zip.CRC32;

/**
 * The file being written: appends dataset bytes and metadata at its end, remembers the end
 * address, and refuses further work once a write has failed (the file is then incomplete and
 * the caller should delete it).
 */
final class OutputFile {

    private static final int METADATA_BATCH = 1 << 20;
    private static final int PASS_THROUGH = 1 << 20;

    private final FileChannel channel;
    /** Where the file starts in the channel: 0, or past a zip entry's header for an embedded file. */
    private final long base;
    private long end;
    private String failure;
    private boolean streaming;
    private LittleEndianBuffer pending;
    private long pendingAddress;
    /** CRC-32 of the bytes appended from {@code start} on, in order; null when not kept. */
    private final CRC32 appended;
    private ByteBuffer passThrough;

    OutputFile(FileChannel channel, long base, long start, boolean keepCrc) {
        this.channel = channel;
        this.base = base;
        this.end = start;
        this.appended = keepCrc ? new CRC32() : null;
    }

    /** The CRC-32 of everything appended so far (all bytes after the superblock). */
    int appendedCrc() {
        if (appended == null) {
            throw new IllegalStateException("this file keeps no CRC-32");
        }
        return (int) appended.getValue();
    }

    /** The address after the last byte appended (the file's size so far). */
    long end() {
        return end;
    }

    /** Fails with the earlier failure, if any. */
    void checkUsable() throws IOException {
        if (failure != null) {
            throw new IOException("The HDF5 file is incomplete because an earlier write failed ("
                    + failure + "); delete it and write it again.");
        }
    }

    /** Streams {@code expectedBytes} from {@code source} to the end of the file; returns their address. */
    long appendData(String what, long expectedBytes, DataSource source) throws IOException {
        checkUsable();
        if (streaming) {
            throw new IllegalStateException("cannot start " + what + " while another dataset's source is writing");
        }
        flushMetadata();
        long address = end;
        if (appended != null && passThrough == null) {
            // Direct: read and written without a copy through a JDK temporary buffer.
            passThrough = ByteBuffer.allocateDirect(PASS_THROUGH);
        }
        CountingChannel counting = new CountingChannel(channel, appended, passThrough);
        streaming = true;
        try {
            channel.position(base + address);
            source.writeTo(counting);
        } catch (IOException | RuntimeException e) {
            String message = "writing " + what + " failed after " + counting.count() + " of "
                    + expectedBytes + " bytes: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            failure = message;
            throw new IOException(message, e);
        } finally {
            counting.close();
            streaming = false;
        }
        if (counting.count() != expectedBytes) {
            failure = "the data source of " + what + " wrote " + counting.count()
                    + " bytes, expected exactly " + expectedBytes;
            throw new IOException("The data source of " + what + " wrote " + counting.count()
                    + " bytes, but its shape and dtype need exactly " + expectedBytes + " bytes.");
        }
        if (channel.position() != base + address + expectedBytes) {
            failure = "the bytes of " + what + " did not land at offset " + address;
            throw new IOException("The bytes of " + what + " did not land where expected (offset " + address
                    + "); was the file channel opened with APPEND?");
        }
        end = address + expectedBytes;
        return address;
    }

    /** Appends a metadata block (buffered; written in large pieces); returns its address. */
    long appendMetadata(byte[] block) throws IOException {
        checkUsable();
        if (pending == null) {
            pending = new LittleEndianBuffer(METADATA_BATCH);
            pendingAddress = end;
        }
        long address = end;
        pending.bytes(block);
        end += block.length;
        if (pending.size() >= METADATA_BATCH) {
            flushMetadata();
        }
        return address;
    }

    /** Writes buffered metadata to the channel. */
    void flushMetadata() throws IOException {
        if (pending == null) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        pending = null;
        writeFully(pendingAddress, bytes);
        if (appended != null) {
            appended.update(bytes);
        }
    }

    /** Writes {@code bytes} at {@code address} (the superblock at 0). */
    void writeAt(long address, byte[] bytes) throws IOException {
        checkUsable();
        writeFully(address, bytes);
    }

    /** Cuts off anything an earlier file left beyond the end just written. */
    void truncateToEnd() throws IOException {
        if (channel.size() > base + end) {
            channel.truncate(base + end);
        }
    }

    private void writeFully(long address, byte[] bytes) throws IOException {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = base + address;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        } catch (IOException e) {
            failure = "writing HDF5 metadata failed: " + e.getMessage();
            throw new IOException(failure, e);
        } catch (NonWritableChannelException e) {
            failure = "the file channel is not open for writing";
            throw new IOException("Cannot write the HDF5 file: its channel is not open for writing.", e);
        }
    }
}
