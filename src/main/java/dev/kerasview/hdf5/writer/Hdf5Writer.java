package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Writes an HDF5 file to a channel: dataset bytes as they arrive, metadata at {@link #close()}.
 * Readable by the HDF Group's library (h5dump, h5py) and by jhdf. API contract; implemented by
 * the writer's owner.
 */
public final class Hdf5Writer implements AutoCloseable {

    /** Starts a file at offset 0 of {@code out}; the caller owns (and later closes) the channel. */
    public Hdf5Writer(FileChannel out) throws IOException {
        throw new UnsupportedOperationException("Hdf5Writer not implemented yet");
    }

    /** The root group. */
    public GroupWriter root() {
        throw new UnsupportedOperationException("Hdf5Writer not implemented yet");
    }

    /** Bytes written so far (for progress). */
    public long bytesWritten() {
        throw new UnsupportedOperationException("Hdf5Writer not implemented yet");
    }

    /** Writes all metadata and the superblock; the file is complete after this returns. */
    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException("Hdf5Writer not implemented yet");
    }
}
