package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/** A region of a file, mapped and written one window at a time (see {@link DataSource#ofFileRegion}). */
final class FileRegionSource implements DataSource {

    /** 64 MB: large sequential writes, small enough to map on any JVM. */
    static final long DEFAULT_WINDOW = 64L << 20;

    private final FileChannel file;
    private final long offset;
    private final long length;
    private final long window;

    FileRegionSource(FileChannel file, long offset, long length, long window) {
        if (offset < 0 || length < 0 || window <= 0 || window > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("invalid file region: offset " + offset + ", length " + length);
        }
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.window = window;
    }

    @Override
    public void writeTo(WritableByteChannel out) throws IOException {
        if (offset + length > file.size()) {
            throw new IOException("the source file ends at " + file.size() + " bytes, before the end of the region "
                    + offset + " + " + length);
        }
        if (out instanceof TransferTarget target) {
            target.transferFrom(file, offset, length);
            return;
        }
        long done = 0;
        while (done < length) {
            long size = Math.min(window, length - done);
            MappedByteBuffer mapped = file.map(FileChannel.MapMode.READ_ONLY, offset + done, size);
            while (mapped.hasRemaining()) {
                out.write(mapped);
            }
            done += size;
        }
    }
}
