package dev.kerasview.hdf5;

import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Optional;

/** Reads the stored values of variables on request, streaming, one dataset at a time. */
public interface TensorStore {

    /**
     * Writes the variable's stored elements to {@code out}: row-major, little-endian, in the
     * element type named by {@link VariableInfo#dtype()} (bool as one byte 0/1, bfloat16 as its
     * two raw bytes). Exactly {@code elementCount * elementSize} bytes are written.
     */
    void copyRaw(VariableInfo variable, WritableByteChannel out) throws IOException;

    /**
     * The same bytes as {@link #copyRaw}, pulled: for reading two tensors side by side. This
     * default holds the whole tensor in memory; stores of large tensors stream instead.
     */
    default ReadableByteChannel openRaw(VariableInfo variable) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        copyRaw(variable, Channels.newChannel(bytes));
        return Channels.newChannel(new ByteArrayInputStream(bytes.toByteArray()));
    }

    /**
     * Where the bytes {@link #copyRaw} would write lie unchanged in a file (a contiguous,
     * little-endian dataset), so that a copier can hand them to the kernel; empty otherwise.
     */
    default Optional<FileRegion> storedRegion(VariableInfo variable) throws IOException {
        return Optional.empty();
    }

    /** Statistics of the variable's values in float64, with a histogram of {@code bins} bins. */
    VariableStats statistics(VariableInfo variable, int bins) throws IOException;
}
