package dev.kerasview.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/** Random access to the bytes of one HDF5 file, wherever it lives (a file, a zip entry, memory). */
public interface ByteSource {

    /** Reads up to {@code dst.remaining()} bytes starting at {@code position}; -1 at the end. */
    int read(ByteBuffer dst, long position) throws IOException;

    /** Total length in bytes. */
    long size();

    /** Where {@code length} bytes from {@code position} lie in a file, if they do (not for bytes in memory). */
    default Optional<FileRegion> region(long position, long length) {
        return Optional.empty();
    }

    /** A byte range of a file channel (a whole file, or a STORED zip entry). */
    static ByteSource of(FileChannel channel, long offset, long length) {
        return new ByteSource() {
            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                if (position >= length) {
                    return -1;
                }
                ByteBuffer d = dst.slice();
                d.limit((int) Math.min(d.remaining(), length - position));
                int n = channel.read(d, offset + position);
                if (n > 0) {
                    dst.position(dst.position() + n);
                }
                return n;
            }

            @Override
            public long size() {
                return length;
            }

            @Override
            public Optional<FileRegion> region(long position, long count) {
                if (position < 0 || count < 0 || position + count > length) {
                    return Optional.empty();
                }
                return Optional.of(new FileRegion(channel, offset + position, count));
            }
        };
    }

    /** Bytes already in memory. */
    static ByteSource of(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        return new ByteSource() {
            @Override
            public int read(ByteBuffer dst, long position) {
                if (position >= b.limit()) {
                    return -1;
                }
                int n = (int) Math.min(dst.remaining(), b.limit() - position);
                dst.put(dst.position(), b, (int) position, n);
                dst.position(dst.position() + n);
                return n;
            }

            @Override
            public long size() {
                return b.limit();
            }
        };
    }
}
