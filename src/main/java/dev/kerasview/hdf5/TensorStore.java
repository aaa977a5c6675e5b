package dev.kerasview.hdf5;

import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;

/** Reads the stored values of variables on request, streaming, one dataset at a time. */
public interface TensorStore {

    /**
     * Writes the variable's stored elements to {@code out}: row-major, little-endian, in the
     * element type named by {@link VariableInfo#dtype()} (bool as one byte 0/1, bfloat16 as its
     * two raw bytes). Exactly {@code elementCount * elementSize} bytes are written.
     */
    void copyRaw(VariableInfo variable, WritableByteChannel out) throws IOException;

    /** Statistics of the variable's values in float64, with a histogram of {@code bins} bins. */
    VariableStats statistics(VariableInfo variable, int bins) throws IOException;
}
