package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;

/** Streams a dataset's raw little-endian row-major bytes into the file being written. */
@FunctionalInterface
public interface DataSource {

    /** Writes exactly the dataset's byte size to {@code out}. */
    void writeTo(WritableByteChannel out) throws IOException;
}
