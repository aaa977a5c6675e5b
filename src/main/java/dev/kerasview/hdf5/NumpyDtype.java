package dev.kerasview.hdf5;

import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.nio.ByteOrder;
import java.util.Locale;

/** Numpy-style names for HDF5 element types, the names Keras and the ground truth use. */
public final class NumpyDtype {

    /** Name given to an opaque element type that nothing marks as bfloat16. */
    public static final String OPAQUE = "opaque";
    public static final String BFLOAT16 = "bfloat16";

    private NumpyDtype() {
    }

    /** The numpy name of a jhdf type ({@code float32}, {@code int64}, {@code bool}, ...). */
    public static String of(DataType t) {
        String name = name(t.getDataClass(), t.getSize(), t instanceof FixedPoint f && f.isSigned());
        return name != null ? name : t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /**
     * The numpy name of an HDF5 element type by its class number (format spec IV.A.2.d) and
     * size, or null for a class without one here (compound, array, reference, time, bitfield).
     */
    static String name(int typeClass, int size, boolean signed) {
        return switch (typeClass) {
            case 0 -> (signed ? "int" : "uint") + size * 8;
            case 1 -> "float" + size * 8;
            case 3 -> "bytes" + size;
            case 5 -> OPAQUE;
            // h5py stores numpy bool as an enum over int8 {FALSE, TRUE}
            case 8 -> size == 1 ? "bool" : "int" + size * 8;
            case 9 -> "object";
            default -> null;
        };
    }

    /**
     * The dtype of a dataset given its {@code dtype} attribute: h5py stores bfloat16 as a 2-byte
     * opaque type, which only that attribute names.
     */
    static String marked(String dtype, int size, Object dtypeAttribute) {
        return OPAQUE.equals(dtype) && size == 2 && BFLOAT16.equals(dtypeAttribute) ? BFLOAT16 : dtype;
    }

    /** Byte order of an ordered type; little-endian for everything else (opaque bfloat16, bool). */
    public static ByteOrder byteOrder(DataType t) {
        if (t instanceof FloatingPoint f) {
            return f.getByteOrder();
        }
        if (t instanceof FixedPoint f) {
            return f.getByteOrder();
        }
        return ByteOrder.LITTLE_ENDIAN;
    }

    /** Bytes per element for a numeric dtype name, or -1 when it is not numeric. */
    public static int elementSize(String dtype) {
        switch (dtype) {
            case "bool", "int8", "uint8":
                return 1;
            case "float16", "bfloat16", "int16", "uint16":
                return 2;
            case "float32", "int32", "uint32":
                return 4;
            case "float64", "int64", "uint64":
                return 8;
            default:
                return -1;
        }
    }
}
