package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The channel a {@link DataSource} writes into: forwards to the file at its current position and
 * counts bytes. Closing it does not close the file. Heap buffers are written in 1 MB slices so
 * the JDK's temporary direct buffer stays small; direct and mapped buffers go through whole.
 */
final class CountingChannel implements WritableByteChannel {

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
    public boolean isOpen() {
        return open && file.isOpen();
    }

    @Override
    public void close() {
        open = false;
    }
}
