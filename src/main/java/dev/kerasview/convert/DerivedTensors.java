package dev.kerasview.convert;

import dev.kerasview.hdf5.FileRegion;
import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source's tensors plus tensors computed from them in memory (a Keras 1 RNN's gates joined
 * into one kernel, a Theano kernel flipped, bfloat16 widened to float32). Derived tensors are
 * small by nature: they come from old models, or are one layer's weights.
 */
final class DerivedTensors implements TensorStore {

    private final TensorStore source;
    private final Map<VariableInfo, byte[]> derived = new IdentityHashMap<>();
    private int count;

    DerivedTensors(TensorStore source) {
        this.source = source;
    }

    /** Registers {@code bytes} (row-major, little-endian) as a new tensor and returns its description. */
    VariableInfo add(String name, List<Long> shape, String dtype, byte[] bytes) {
        VariableInfo v = new VariableInfo(name, shape, dtype, bytes.length, true, "derived/" + (count++) + "/" + name, null);
        derived.put(v, bytes);
        return v;
    }

    /** The whole of a source tensor in memory. */
    byte[] read(VariableInfo v) throws IOException {
        byte[] d = derived.get(v);
        if (d != null) {
            return d;
        }
        if (v.byteSize() > Integer.MAX_VALUE - 16) {
            throw new IOException(v.path() + " is too large to transform in memory");
        }
        byte[] out = new byte[(int) v.byteSize()];
        try (ReadableByteChannel in = source.openRaw(v)) {
            ByteBuffer b = ByteBuffer.wrap(out);
            while (b.hasRemaining() && in.read(b) >= 0) {
                // reads until full
            }
            if (b.hasRemaining()) {
                throw new IOException(v.path() + ": the source gave " + b.position() + " bytes, " + out.length + " expected");
            }
        }
        return out;
    }

    @Override
    public ReadableByteChannel openRaw(VariableInfo variable) throws IOException {
        byte[] d = derived.get(variable);
        return d != null ? Channels.newChannel(new ByteArrayInputStream(d)) : source.openRaw(variable);
    }

    @Override
    public Optional<FileRegion> storedRegion(VariableInfo variable) throws IOException {
        return derived.containsKey(variable) ? Optional.empty() : source.storedRegion(variable);
    }

    @Override
    public VariableStats statistics(VariableInfo variable, int bins) throws IOException {
        if (derived.containsKey(variable)) {
            throw new IOException("statistics are not computed for derived tensors");
        }
        return source.statistics(variable, bins);
    }
}
