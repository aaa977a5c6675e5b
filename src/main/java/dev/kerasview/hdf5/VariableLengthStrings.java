package dev.kerasview.hdf5;

import io.jhdf.GlobalHeap;
import io.jhdf.api.Attribute;
import io.jhdf.object.datatype.VariableLength;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads variable-length string attributes (h5py writes every {@code name} attribute so),
 * parsing each global heap collection once per file. jhdf parses the whole collection, a few
 * hundred strings, again for every attribute it reads: for a model with thousands of layers
 * that was a third of the time spent reading the file's structure.
 */
final class VariableLengthStrings {

    private final HdfBackingStorage storage;
    private final Map<Long, GlobalHeap> heaps = new HashMap<>();

    VariableLengthStrings(HdfBackingStorage storage) {
        this.storage = storage;
    }

    /**
     * The value of a scalar or one-dimensional variable-length string attribute (a String or
     * String[]), or empty for any other attribute, which jhdf then reads itself.
     */
    Optional<Object> read(Attribute a) {
        if (!(a.getDataType() instanceof VariableLength type) || !type.isVariableLengthString()
                || a.getDimensions().length > 1) {
            return Optional.empty();
        }
        ByteBuffer b = a.getBuffer().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int offsets = storage.getSizeOfOffsets();
        // each element: its length (skipped: the heap object knows its size), heap address, index
        int skip = type.getSize() - offsets - 4;
        if (skip < 0) {
            return Optional.empty();
        }
        int count = a.isScalar() ? 1 : a.getDimensions()[0];
        String[] out = new String[count];
        Charset encoding = type.getEncoding();
        for (int i = 0; i < count; i++) {
            if (b.remaining() < type.getSize()) {
                return Optional.empty();
            }
            b.position(b.position() + skip);
            long address = unsigned(b, offsets);
            long index = unsigned(b, 4);
            if (index == 0) {
                // how HDF5 stores an empty element
                out[i] = "";
            } else {
                GlobalHeap heap = heaps.computeIfAbsent(address, at -> new GlobalHeap(storage, at));
                out[i] = encoding.decode(heap.getObjectData(Math.toIntExact(index))).toString();
            }
        }
        return Optional.of(a.isScalar() ? out[0] : out);
    }

    private static long unsigned(ByteBuffer b, int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (b.get() & 0xFFL) << (8 * i);
        }
        return v;
    }
}
