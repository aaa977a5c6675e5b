package dev.kerasview.hdf5;

import io.jhdf.api.Attribute;
import io.jhdf.object.datatype.VariableLength;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads variable-length strings (h5py writes every {@code name} attribute so), parsing each
 * global heap collection once per file. jhdf parses the whole collection, a few hundred
 * strings, again for every attribute it reads: for a model with thousands of layers that was a
 * third of the time spent reading the file's structure. Both structure readers decode their
 * string elements here.
 */
final class VariableLengthStrings {

    private final StructureBytes bytes;
    private final Map<Long, GlobalHeapCollection> heaps = new HashMap<>();

    VariableLengthStrings(StructureBytes bytes) {
        this.bytes = bytes;
    }

    /**
     * The value of a scalar or one-dimensional variable-length string attribute read by jhdf
     * (a String or String[]), or empty for any other attribute, which jhdf then reads itself.
     */
    Optional<Object> read(Attribute a) {
        if (!(a.getDataType() instanceof VariableLength type) || !type.isVariableLengthString()
                || a.getDimensions().length > 1 || !decodable(type.getSize())) {
            return Optional.empty();
        }
        ByteBuffer b = a.getBuffer();
        int count = a.isScalar() ? 1 : a.getDimensions()[0];
        if (b.remaining() < (long) count * type.getSize()) {
            return Optional.empty();
        }
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = element(b, b.position() + i * type.getSize(), type.getSize(), type.getEncoding());
        }
        return Optional.of(a.isScalar() ? out[0] : out);
    }

    /** True when an element of {@code size} bytes holds a heap address and an index. */
    boolean decodable(int size) {
        return size - bytes.offsets() - 4 >= 0;
    }

    /**
     * The string of the element of {@code size} bytes at {@code at} of {@code b}: its length
     * (skipped: the heap object knows its size), the address of its heap collection and its
     * index there, little-endian.
     */
    String element(ByteBuffer b, int at, int size, Charset charset) {
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int offsets = bytes.offsets();
        int p = at + size - offsets - 4;
        long address = StructureBytes.unsigned(le, p, offsets);
        long index = Integer.toUnsignedLong(le.getInt(p + offsets));
        if (index == 0) {
            // how HDF5 stores an empty element
            return "";
        }
        GlobalHeapCollection heap = heaps.computeIfAbsent(address,
                where -> new GlobalHeapCollection(bytes, where));
        return charset.decode(heap.object(Math.toIntExact(index))).toString();
    }
}
