package dev.kerasview.convert;

import dev.kerasview.hdf5.FileRegion;
import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.hdf5.writer.DataSource;
import dev.kerasview.hdf5.writer.TransferTarget;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

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
    private static final int MAX_COMPARE_THREADS = 4;

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

    /** A written variable and the source variable it was copied from; {@code label} names it in progress. */
    record Comparison(VariableInfo written, VariableInfo source, String label) {
    }

    /**
     * Compares written variables with their sources, on as many threads as there are cores (at
     * most {@link #MAX_COMPARE_THREADS}): both files are in the page cache by now, so this is bound
     * by memory bandwidth and one thread leaves the other cores idle.
     *
     * @return per comparison, the offset of the first byte that differs (or where one of them
     *         ends early), or -1 when both hold the same bytes
     */
    long[] firstDifferences(TensorStore writtenStore, List<Comparison> comparisons) throws IOException {
        long[] result = new long[comparisons.size()];
        // Tensors read as plain file ranges go to the threads; the few that need decoding (chunked
        // or compact storage, through jhdf) stay on this one.
        List<Integer> plain = new ArrayList<>();
        for (int i = 0; i < result.length; i++) {
            Comparison c = comparisons.get(i);
            if (source.storedRegion(c.source()).isPresent() && writtenStore.storedRegion(c.written()).isPresent()) {
                plain.add(i);
            } else {
                result[i] = firstDifference(writtenStore, c.written(), c.source(), c.label());
            }
        }
        AtomicInteger next = new AtomicInteger();
        int threads = Math.min(Math.min(MAX_COMPARE_THREADS, Runtime.getRuntime().availableProcessors()),
                plain.size());
        Callable<Void> worker = () -> {
            ByteBuffer a = ByteBuffer.allocateDirect(BLOCK);
            ByteBuffer b = ByteBuffer.allocateDirect(BLOCK);
            for (int k = next.getAndIncrement(); k < plain.size(); k = next.getAndIncrement()) {
                Comparison c = comparisons.get(plain.get(k));
                result[plain.get(k)] = firstDifference(writtenStore, c.written(), c.source(), c.label(), a, b);
            }
            return null;
        };
        List<FutureTask<Void>> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            FutureTask<Void> task = new FutureTask<>(worker);
            Thread thread = new Thread(task, "kerasview-verify-" + t);
            thread.setDaemon(true);
            thread.start();
            helpers.add(task);
        }
        IOException failure = null;
        try {
            worker.call();
        } catch (IOException e) {
            failure = e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (failure != null) {
                next.set(plain.size()); // the other threads stop after their current tensor
            }
            for (FutureTask<Void> task : helpers) {
                failure = join(task, failure);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    private static IOException join(FutureTask<Void> task, IOException failure) {
        try {
            task.get();
            return failure;
        } catch (ExecutionException e) {
            if (failure != null) {
                return failure;
            }
            if (e.getCause() instanceof IOException io) {
                return io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure != null ? failure : new IOException("interrupted while verifying");
        }
    }

    /**
     * Compares one written variable with the source variable it was copied from.
     *
     * @return as {@link #firstDifferences}
     */
    long firstDifference(TensorStore writtenStore, VariableInfo written, VariableInfo sourceVariable,
                         String label) throws IOException {
        return firstDifference(writtenStore, written, sourceVariable, label, sourceBuffer(), writtenBuffer());
    }

    private long firstDifference(TensorStore writtenStore, VariableInfo written, VariableInfo sourceVariable,
                                 String label, ByteBuffer a, ByteBuffer b) throws IOException {
        begin(label);
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

    synchronized long done() {
        return done;
    }

    void checkCancel() throws CancelledWrite {
        if (cancel.isCancelled()) {
            throw new CancelledWrite();
        }
    }

    // Synchronized: comparisons report from several threads.
    private synchronized void begin(String label) throws CancelledWrite {
        checkCancel();
        lastReport = done;
        progress.update(Math.min(done, total), total, phase + " " + label);
    }

    private synchronized void advance(long n, String label) throws CancelledWrite {
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
