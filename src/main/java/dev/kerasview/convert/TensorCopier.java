package dev.kerasview.convert;

import dev.kerasview.hdf5.FileRegion;
import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.hdf5.writer.DataSource;
import dev.kerasview.hdf5.writer.TransferTarget;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Optional;

/**
 * Streams variables from the source store into the writer (handing bytes stored unchanged in a
 * file to the kernel to copy) and later compares what a written
 * file holds with the source byte for byte, counting bytes for progress and checking for
 * cancellation within each dataset.
 */
final class TensorCopier {

    /** Signals a cancel from inside a channel write, where only IOException may be thrown. */
    static final class CancelledWrite extends IOException {
        CancelledWrite() {
            super("cancelled");
        }
    }

    /**
     * Buffer size. Measured here: reading a cold 2 GB file in 4 MB blocks ran 3-5 times slower
     * than in 1 MB blocks; comparing two cached files, 256 KB and 1 MB blocks were within the
     * noise, and mapping both files was 4 times slower.
     */
    private static final int BLOCK = 1 << 20;
    /** Bytes handed to the kernel per call: few calls, yet cancel is seen within a fraction of a second. */
    private static final long TRANSFER = 64L << 20;
    private static final long REPORT_EVERY = 1 << 20;

    private final TensorStore source;
    private final ConversionProgress progress;
    private final CancellationToken cancel;
    private final long total;
    private ByteBuffer sourceBuffer;
    private ByteBuffer writtenBuffer;
    private long done;
    private long lastReport;
    private String phase = "writing";

    TensorCopier(TensorStore source, ConversionProgress progress, CancellationToken cancel, long total) {
        this.source = source;
        this.progress = progress;
        this.cancel = cancel;
        this.total = total;
    }

    /** A data source that streams {@code v}'s bytes from the source store. */
    DataSource dataSource(VariableInfo v, String label) {
        return out -> {
            begin(label);
            Optional<FileRegion> region = source.storedRegion(v);
            if (region.isPresent() && out instanceof TransferTarget target) {
                transfer(region.get(), target, label);
                return;
            }
            ByteBuffer buf = sourceBuffer();
            long count = 0;
            try (ReadableByteChannel in = source.openRaw(v)) {
                int n;
                while ((n = fill(in, buf)) > 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        out.write(buf);
                    }
                    count += n;
                    advance(n, label);
                }
            }
            if (count != v.byteSize()) {
                throw new IOException(label + ": the source gave " + count + " bytes, " + v.byteSize() + " expected");
            }
        };
    }

    private void transfer(FileRegion region, TransferTarget target, String label) throws IOException {
        long done = 0;
        while (done < region.length()) {
            long n = Math.min(TRANSFER, region.length() - done);
            target.transferFrom(region.channel(), region.offset() + done, n);
            done += n;
            advance(n, label);
        }
    }

    /**
     * Compares a written variable with the source variable it was copied from.
     *
     * @return the offset of the first byte that differs (or where one of them ends early), or -1
     *         when both hold the same bytes
     */
    long firstDifference(TensorStore writtenStore, VariableInfo written, VariableInfo sourceVariable,
                         String label) throws IOException {
        begin(label);
        ByteBuffer a = sourceBuffer();
        ByteBuffer b = writtenBuffer();
        long offset = 0;
        try (ReadableByteChannel fromSource = source.openRaw(sourceVariable);
             ReadableByteChannel fromWritten = writtenStore.openRaw(written)) {
            while (true) {
                int na = fill(fromSource, a);
                int nb = fill(fromWritten, b);
                a.flip();
                b.flip();
                int at = a.mismatch(b);
                if (at >= 0) {
                    return offset + at;
                }
                if (na == 0) {
                    return -1;
                }
                offset += na;
                advance(nb, label);
            }
        }
    }

    /** Switches the progress label (writing, verifying). */
    void phase(String name) {
        this.phase = name;
    }

    long done() {
        return done;
    }

    void checkCancel() throws CancelledWrite {
        if (cancel.isCancelled()) {
            throw new CancelledWrite();
        }
    }

    private void begin(String label) throws CancelledWrite {
        checkCancel();
        lastReport = done;
        progress.update(Math.min(done, total), total, phase + " " + label);
    }

    private void advance(long n, String label) throws CancelledWrite {
        checkCancel();
        done += n;
        if (done - lastReport >= REPORT_EVERY) {
            lastReport = done;
            progress.update(Math.min(done, total), total, phase + " " + label);
        }
    }

    /** Reads until {@code buf} is full or the channel ends; returns the bytes read (0 at the end). */
    private static int fill(ReadableByteChannel in, ByteBuffer buf) throws IOException {
        buf.clear();
        while (buf.hasRemaining()) {
            if (in.read(buf) < 0) {
                break;
            }
        }
        return buf.position();
    }

    // Direct, so channel reads and writes go without a copy through a JDK temporary buffer;
    // allocated once because direct memory is only returned to the system by a GC.
    private ByteBuffer sourceBuffer() {
        if (sourceBuffer == null) {
            sourceBuffer = ByteBuffer.allocateDirect(BLOCK);
        }
        return sourceBuffer;
    }

    private ByteBuffer writtenBuffer() {
        if (writtenBuffer == null) {
            writtenBuffer = ByteBuffer.allocateDirect(BLOCK);
        }
        return writtenBuffer;
    }
}
