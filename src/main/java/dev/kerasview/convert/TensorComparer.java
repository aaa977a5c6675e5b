package dev.kerasview.convert;

import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compares the tensors of a written file with the source tensors they were copied from, byte for
 * byte, on as many threads as there are cores (at most {@link #MAX_THREADS}): both files are in
 * the page cache by then, so the work is bound by memory bandwidth and one thread would leave
 * the other cores idle.
 */
final class TensorComparer {

    /** A written variable and the source variable it was copied from; {@code label} names it in progress. */
    record Comparison(VariableInfo written, VariableInfo source, String label) {
    }

    /** Measured here: 256 KB and 1 MB blocks were within the noise; mapping both files was 4 times slower. */
    private static final int BLOCK = TensorCopier.BLOCK;
    private static final int MAX_THREADS = 4;

    private final TensorStore source;
    private final ProgressMeter meter;

    TensorComparer(TensorStore source, ProgressMeter meter) {
        this.source = source;
        this.meter = meter;
    }

    /**
     * @return per comparison, the offset of the first byte that differs (or where one of the two
     *         ends early), or -1 when both hold the same bytes
     */
    long[] firstDifferences(TensorStore writtenStore, List<Comparison> comparisons) throws IOException {
        long[] result = new long[comparisons.size()];
        // Tensors read as plain file ranges go to the threads; the few that need decoding (chunked
        // or compact storage, through jhdf) stay on this one.
        List<Integer> plain = new ArrayList<>();
        ByteBuffer[] own = null;
        for (int i = 0; i < result.length; i++) {
            Comparison c = comparisons.get(i);
            if (source.storedRegion(c.source()).isPresent() && writtenStore.storedRegion(c.written()).isPresent()) {
                plain.add(i);
            } else {
                own = own != null ? own : buffers();
                result[i] = firstDifference(writtenStore, c, own);
            }
        }
        AtomicInteger next = new AtomicInteger();
        Callable<Void> worker = () -> {
            ByteBuffer[] buffers = buffers();
            for (int k = next.getAndIncrement(); k < plain.size(); k = next.getAndIncrement()) {
                result[plain.get(k)] = firstDifference(writtenStore, comparisons.get(plain.get(k)), buffers);
            }
            return null;
        };
        int threads = Math.min(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()), plain.size());
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
            next.set(plain.size()); // the other threads stop after their current tensor
        } catch (Exception e) {
            next.set(plain.size());
            throw new IllegalStateException(e);
        } finally {
            for (FutureTask<Void> task : helpers) {
                failure = join(task, failure);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    private long firstDifference(TensorStore writtenStore, Comparison c, ByteBuffer[] buffers) throws IOException {
        meter.begin(c.label());
        ByteBuffer a = buffers[0];
        ByteBuffer b = buffers[1];
        long offset = 0;
        try (ReadableByteChannel fromSource = source.openRaw(c.source());
             ReadableByteChannel fromWritten = writtenStore.openRaw(c.written())) {
            while (true) {
                int na = TensorCopier.fill(fromSource, a);
                int nb = TensorCopier.fill(fromWritten, b);
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
                meter.advance(nb, c.label());
            }
        }
    }

    /** Two direct buffers: channel reads then need no copy through a JDK temporary buffer. */
    private static ByteBuffer[] buffers() {
        return new ByteBuffer[] {ByteBuffer.allocateDirect(BLOCK), ByteBuffer.allocateDirect(BLOCK)};
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
}
