package dev.kerasview.hdf5.writer;

import java.util.Locale;
import java.util.Optional;

/** A numeric element type the writer stores, named as numpy names it, with its HDF5 datatype. */
enum ElementType {
    FLOAT16("float16", 2),
    FLOAT32("float32", 4),
    FLOAT64("float64", 8),
    INT8("int8", 1),
    INT16("int16", 2),
    INT32("int32", 4),
    INT64("int64", 8),
    UINT8("uint8", 1),
    UINT16("uint16", 2),
    UINT32("uint32", 4),
    UINT64("uint64", 8),
    BOOL("bool", 1),
    BFLOAT16("bfloat16", 2);

    private final String numpyName;
    private final int size;

    ElementType(String numpyName, int size) {
        this.numpyName = numpyName;
        this.size = size;
    }

    /** The numpy dtype name, e.g. {@code float32}. */
    String numpyName() {
        return numpyName;
    }

    /** Bytes per element. */
    int size() {
        return size;
    }

    /** The type for a numpy dtype name ({@code float32}, {@code <f4}, {@code bool}, ...), if supported. */
    static Optional<ElementType> forNumpyName(String dtype) {
        if (dtype == null) {
            return Optional.empty();
        }
        String name = dtype.trim().toLowerCase(Locale.ROOT);
        String canonical = switch (name) {
            case "<f2", "f2", "half" -> "float16";
            case "<f4", "f4", "float", "single" -> "float32";
            case "<f8", "f8", "double" -> "float64";
            case "|i1", "i1" -> "int8";
            case "<i2", "i2" -> "int16";
            case "<i4", "i4" -> "int32";
            case "<i8", "i8" -> "int64";
            case "|u1", "u1" -> "uint8";
            case "<u2", "u2" -> "uint16";
            case "<u4", "u4" -> "uint32";
            case "<u8", "u8" -> "uint64";
            case "|b1", "b1", "bool_" -> "bool";
            default -> name;
        };
        for (ElementType type : values()) {
            if (type.numpyName.equals(canonical)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The names accepted, for error messages. */
    static String supportedNames() {
        StringBuilder names = new StringBuilder();
        for (ElementType type : values()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(type.numpyName);
        }
        return names.toString();
    }
}
