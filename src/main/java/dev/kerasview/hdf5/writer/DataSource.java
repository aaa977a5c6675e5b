package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/** Streams a dataset's raw little-endian row-major bytes into the file being written. */
@FunctionalInterface
public interface DataSource {

    /**
     * Writes exactly the dataset's byte size to {@code out}; the writer's channel is a
     * {@link TransferTarget}, which sources reading from a file can use.
     */
    void writeTo(WritableByteChannel out) throws IOException;

    /** The bytes of an array (for small data: the array is held until written). */
    static DataSource ofBytes(byte[] bytes) {
        return out -> writeFully(out, ByteBuffer.wrap(bytes));
    }

    /** The remaining bytes of {@code buffer} (e.g. a mapped region); the buffer's position is not changed. */
    static DataSource ofBuffer(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        return out -> writeFully(out, view.duplicate());
    }

    /**
     * {@code length} bytes of {@code file} (opened for reading) from {@code offset}, mapped a window
     * at a time so that neither the heap nor the address space grows with the data.
     */
    static DataSource ofFileRegion(FileChannel file, long offset, long length) {
        return new FileRegionSource(file, offset, length, FileRegionSource.DEFAULT_WINDOW);
    }

    private static void writeFully(WritableByteChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
