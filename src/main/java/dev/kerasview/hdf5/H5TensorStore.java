package dev.kerasview.hdf5;

import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * Reads variable values from one or more HDF5 stores: contiguous datasets straight from their
 * bytes in blocks, chunked or compact ones through jhdf's decoder.
 */
public final class H5TensorStore implements TensorStore {

    private static final int BLOCK = 1 << 20;

    /** One HDF5 file: its bytes and its dataset index. */
    private record Store(ByteSource bytes, H5Tree tree) {
    }

    private final Map<String, Store> stores = new HashMap<>();

    /**
     * Registers a store; {@code fileKey} is {@link VariableInfo#file()} of its variables
     * (null for the model's main weights store).
     */
    public void add(String fileKey, ByteSource bytes, H5Tree tree) {
        stores.put(fileKey == null ? "" : fileKey, new Store(bytes, tree));
    }

    @Override
    public ReadableByteChannel openRaw(VariableInfo variable) throws IOException {
        Located l = locate(variable);
        if (l.location.rawOffset() >= 0) {
            return new StoredBytesChannel(l.bytes, l.location.rawOffset(), storedBytes(l), swapSize(l),
                    l.location.path());
        }
        ByteBuffer encoded = DecodedArrays.encode(flat(l), l.dtype);
        return new StoredBytesChannel(ByteSource.of(encoded.slice()), 0, encoded.remaining(), 1, l.location.path());
    }

    @Override
    public Optional<FileRegion> storedRegion(VariableInfo variable) throws IOException {
        Located l = locate(variable);
        if (l.location.rawOffset() < 0 || swapSize(l) > 1) {
            return Optional.empty();
        }
        return l.bytes.region(l.location.rawOffset(), storedBytes(l));
    }

    private static long storedBytes(Located l) {
        return l.location.elementCount() * NumpyDtype.elementSize(l.dtype);
    }

    /** The element size when the stored elements are big-endian and must be swapped, else 1. */
    private static int swapSize(Located l) {
        int size = NumpyDtype.elementSize(l.dtype);
        return l.location.order() == ByteOrder.BIG_ENDIAN && size > 1 ? size : 1;
    }

    @Override
    public VariableStats statistics(VariableInfo variable, int bins) throws IOException {
        Located l = locate(variable);
        StatisticsAccumulator acc = new StatisticsAccumulator();
        forEachValue(l, acc);
        double[] range = acc.histogramRange();
        long[] hist = null;
        if (bins > 0 && range != null) {
            StatisticsAccumulator.Histogram h = new StatisticsAccumulator.Histogram(bins, range[0],
                    range[1]);
            forEachValue(l, h);
            hist = h.bins();
        }
        return acc.result(hist, range);
    }

    private void forEachValue(Located l, DoubleConsumer sink) throws IOException {
        if (l.location.rawOffset() < 0) {
            DecodedArrays.forEach(flat(l), l.dtype, sink);
            return;
        }
        int size = NumpyDtype.elementSize(l.dtype);
        long total = storedBytes(l);
        // Decoded in the stored byte order, so no swapping pass; blocks hold whole elements.
        // Direct, so channel reads need no extra copy through a JDK temporary buffer.
        ByteBuffer buf = ByteBuffer.allocateDirect((int) Math.min(Math.max(size, BLOCK - BLOCK % size),
                Math.max(total, 1)));
        try (StoredBytesChannel in = new StoredBytesChannel(l.bytes, l.location.rawOffset(), total, 1,
                l.location.path())) {
            while (true) {
                buf.clear();
                while (buf.hasRemaining() && in.read(buf) >= 0) {
                    // until the block is full or the dataset ends
                }
                if (buf.position() == 0) {
                    return;
                }
                buf.flip();
                buf.order(l.location.order());
                ElementDecoder.decode(buf, l.dtype, sink);
            }
        }
    }

    private Object flat(Located l) throws IOException {
        try {
            Object data = l.location.jhdfDataset().getDataFlat();
            if (data == null || !data.getClass().isArray()) {
                Object arr = Array.newInstance(data == null ? double.class : data.getClass(), 1);
                if (data != null) {
                    Array.set(arr, 0, data);
                }
                return arr;
            }
            return data;
        } catch (RuntimeException e) {
            throw new IOException("dataset '" + l.location.path() + "' cannot be decoded: "
                    + H5TreeReader.oneLine(e), e);
        }
    }

    private record Located(ByteSource bytes, DatasetLocation location, String dtype) {
    }

    private Located locate(VariableInfo v) throws IOException {
        Store s = stores.get(v.file() == null ? "" : v.file());
        if (s == null) {
            throw new IOException("no weights store '" + v.file() + "' is open");
        }
        DatasetLocation loc = s.tree().dataset(v.path()).orElseThrow(() ->
                new IOException("no dataset '" + v.path() + "' in the weights store"));
        String dtype = loc.dtype();
        if (NumpyDtype.OPAQUE.equals(dtype) && NumpyDtype.elementSize(v.dtype()) == 2) {
            dtype = v.dtype();
        }
        if (NumpyDtype.elementSize(dtype) < 0) {
            throw new IOException("dataset '" + v.path() + "' holds " + dtype
                    + " elements, which are not numbers");
        }
        return new Located(s.bytes(), loc, dtype);
    }
}
