package dev.kerasview.hdf5;

import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Optional;

/** Reads the stored values of variables on request, streaming, one dataset at a time. */
public interface TensorStore {

    /**
     * The variable's stored elements, read in order: row-major, little-endian, in the element
     * type named by {@link VariableInfo#dtype()} (bool as one byte 0/1, bfloat16 as its two raw
     * bytes); exactly {@code elementCount * elementSize} bytes, streamed, never the whole tensor
     * in memory at once when it is stored contiguously.
     */
    ReadableByteChannel openRaw(VariableInfo variable) throws IOException;

    /** Writes the bytes of {@link #openRaw} to {@code out}. */
    default void copyRaw(VariableInfo variable, WritableByteChannel out) throws IOException {
        try (ReadableByteChannel in = openRaw(variable)) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.max(8, Math.min(1 << 20, variable.byteSize())));
            while (in.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                buf.clear();
            }
        }
    }

    /**
     * Where the bytes of {@link #openRaw} lie unchanged in a file (a contiguous,
     * little-endian dataset), so that a copier can hand them to the kernel; empty otherwise.
     */
    default Optional<FileRegion> storedRegion(VariableInfo variable) throws IOException {
        return Optional.empty();
    }

    /** Statistics of the variable's values in float64, with a histogram of {@code bins} bins. */
    VariableStats statistics(VariableInfo variable, int bins) throws IOException;

    /**
     * Statistics of an int4-packed int8 variable's values as Keras unpacks them (two signed values
     * per byte along the last axis, low nibble first), its last dimension {@code originalLastDim}.
     */
    default VariableStats int4Statistics(VariableInfo variable, long originalLastDim) throws IOException {
        if (!"int8".equals(variable.dtype()) || variable.shape().isEmpty()) {
            throw new IOException(variable.path() + " is " + variable.dtype() + " " + variable.shape()
                    + ", not an int4-packed int8 tensor");
        }
        StatisticsAccumulator acc = new StatisticsAccumulator();
        Int4Nibbles nibbles = new Int4Nibbles(variable.shape().get(variable.shape().size() - 1), originalLastDim, acc);
        try (ReadableByteChannel in = openRaw(variable)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            while (in.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    nibbles.accept(buf.get());
                }
                buf.clear();
            }
        }
        return acc.result(null, acc.histogramRange());
    }
}
