package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The channel a {@link DataSource} is given, which can also take bytes straight from another
 * file: the kernel copies them, with no pass through Java buffers.
 */
public interface TransferTarget extends WritableByteChannel {

    /**
     * Appends {@code count} bytes of {@code source} starting at {@code position}.
     *
     * @throws IOException if the source ends before that many bytes, or writing fails
     */
    void transferFrom(FileChannel source, long position, long count) throws IOException;
}
