package dev.kerasview.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads a contiguous dataset's stored bytes in order, as little-endian elements: straight from
 * its byte range when the file is little-endian, swapping each element in place when not.
 */
final class StoredBytesChannel implements ReadableByteChannel {

    private final ByteSource bytes;
    private final long offset;
    private final long length;
    private final int swapSize;
    private final String path;
    private long position;
    private boolean open = true;

    /**
     * @param swapSize element size when elements must be byte-swapped, else 1
     * @param path     the dataset's path, for messages
     */
    StoredBytesChannel(ByteSource bytes, long offset, long length, int swapSize, String path) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.swapSize = swapSize;
        this.path = path;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (position >= length) {
            return -1;
        }
        int want = (int) Math.min(dst.remaining(), length - position);
        // Whole elements only, so that each one can be swapped where it lands.
        want -= want % swapSize;
        if (want == 0) {
            if (dst.hasRemaining()) {
                throw new IllegalArgumentException("a buffer of " + dst.remaining()
                        + " bytes cannot take one " + swapSize + "-byte element");
            }
            return 0;
        }
        ByteBuffer target = dst.slice();
        target.limit(want);
        while (target.hasRemaining()) {
            int n = bytes.read(target, offset + position + target.position());
            if (n < 0) {
                throw new IOException("dataset '" + path + "' ends beyond the end of its file: the file is truncated");
            }
        }
        if (swapSize > 1) {
            swapInPlace(target, swapSize);
        }
        dst.position(dst.position() + want);
        position += want;
        return want;
    }

    /** Reverses the bytes of every {@code size}-byte element in {@code b}'s first {@code limit} bytes. */
    private static void swapInPlace(ByteBuffer b, int size) {
        for (int p = 0; p + size <= b.limit(); p += size) {
            for (int i = 0; i < size / 2; i++) {
                byte t = b.get(p + i);
                b.put(p + i, b.get(p + size - 1 - i));
                b.put(p + size - 1 - i, t);
            }
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
