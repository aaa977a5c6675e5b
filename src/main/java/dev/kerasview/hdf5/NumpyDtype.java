package dev.kerasview.hdf5;

import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OpaqueDataType;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import java.nio.ByteOrder;

/** Numpy-style names for HDF5 element types, the names Keras and the ground truth use. */
public final class NumpyDtype {

    /** Name given to an opaque element type that nothing marks as bfloat16. */
    public static final String OPAQUE = "opaque";
    public static final String BFLOAT16 = "bfloat16";

    private NumpyDtype() {
    }

    /** The numpy name of a jhdf type ({@code float32}, {@code int64}, {@code bool}, ...). */
    public static String of(DataType t) {
        int size = t.getSize();
        if (t instanceof FloatingPoint) {
            return "float" + size * 8;
        }
        if (t instanceof FixedPoint f) {
            return (f.isSigned() ? "int" : "uint") + size * 8;
        }
        if (t instanceof EnumDataType) {
            // h5py stores numpy bool as an enum over int8 {FALSE, TRUE}.
            return size == 1 ? "bool" : "int" + size * 8;
        }
        if (t instanceof OpaqueDataType) {
            return OPAQUE;
        }
        if (t instanceof StringData) {
            return "bytes" + size;
        }
        if (t instanceof VariableLength) {
            return "object";
        }
        return t.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
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
