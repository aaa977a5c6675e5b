package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;

/**
 * The channel a {@link DataSource} writes into: forwards buffers, or regions of another file, to
 * the file at its current position and counts bytes. Closing it does not close the file. Heap
 * buffers are written in 1 MB slices so the JDK's temporary direct buffer stays small; direct and
 * mapped buffers go through whole.
 */
final class CountingChannel implements TransferTarget {

    private static final int HEAP_SLICE = 1 << 20;

    private final FileChannel file;
    private long count;
    private boolean open = true;

    CountingChannel(FileChannel file) {
        this.file = file;
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
            if (!src.isDirect() && src.remaining() > HEAP_SLICE) {
                ByteBuffer slice = src.slice();
                slice.limit(HEAP_SLICE);
                written = file.write(slice);
                src.position(src.position() + written);
            } else {
                written = file.write(src);
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

    @Override
    public boolean isOpen() {
        return open && file.isOpen();
    }

    @Override
    public void close() {
        open = false;
    }
}
