package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * The channel a {@link DataSource} writes into: forwards buffers, or regions of another file, to
 * the file at its current position and counts bytes. Closing it does not close the file. Heap
 * buffers are written in 1 MB slices so the JDK's temporary direct buffer stays small; direct and
 * mapped buffers go through whole.
 */
final class CountingChannel implements TransferTarget {

    private static final int HEAP_SLICE = 1 << 20;

    private final FileChannel file;
    /** The CRC-32 of every byte written, or null when none is wanted. */
    private final CRC32 crc;
    /** With a CRC, regions of other files pass through this buffer instead of the kernel's copy. */
    private final ByteBuffer passThrough;
    private long count;
    private boolean open = true;

    CountingChannel(FileChannel file) {
        this(file, null, null);
    }

    /** Also adds every byte written to {@code crc}, reading file regions through {@code passThrough}. */
    CountingChannel(FileChannel file, CRC32 crc, ByteBuffer passThrough) {
        this.file = file;
        this.crc = crc;
        this.passThrough = passThrough;
    }

    long count() {
        return count;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        int total = 0;
        while (src.hasRemaining()) {
            int written;
            int start = src.position();
            if (!src.isDirect() && src.remaining() > HEAP_SLICE) {
                ByteBuffer slice = src.slice();
                slice.limit(HEAP_SLICE);
                written = file.write(slice);
                src.position(src.position() + written);
            } else {
                written = file.write(src);
            }
            if (crc != null) {
                crc.update(src.duplicate().position(start).limit(start + written));
            }
            total += written;
            count += written;
        }
        return total;
    }

    @Override
    public void transferFrom(FileChannel source, long position, long count) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (crc != null) {
            copyThrough(source, position, count);
            return;
        }
        long done = 0;
        while (done < count) {
            // Writes at this channel's position and advances it, as write() does.
            long n = source.transferTo(position + done, count - done, file);
            if (n <= 0) {
                throw new IOException("the source file ends at " + source.size() + " bytes, before the "
                        + count + " bytes from " + position + " were copied");
            }
            done += n;
            this.count += n;
        }
    }

    /** Copies a region through the buffer, adding its bytes to the CRC on the way. */
    private void copyThrough(FileChannel source, long position, long count) throws IOException {
        long done = 0;
        while (done < count) {
            passThrough.clear();
            passThrough.limit((int) Math.min(passThrough.capacity(), count - done));
            int n = source.read(passThrough, position + done);
            if (n <= 0) {
                throw new IOException("the source file ends at " + source.size() + " bytes, before the "
                        + count + " bytes from " + position + " were copied");
            }
            passThrough.flip();
            write(passThrough);
            done += n;
        }
    }

    @Override
    public boolean isOpen() {
        return open && file.isOpen();
    }

    @Override
    public void close() {
        open = false;
    }
}
