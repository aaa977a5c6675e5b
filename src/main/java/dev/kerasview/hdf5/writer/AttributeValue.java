package dev.kerasview.hdf5.writer;

import java.util.List;

/** The value of an HDF5 attribute the writer can store. */
public sealed interface AttributeValue {

    /** A scalar string. */
    record StringScalar(String value, StringEncoding encoding) implements AttributeValue {
    }

    /** A 1-D array of strings (possibly empty). */
    record StringArray(List<String> values, StringEncoding encoding) implements AttributeValue {
        public StringArray {
            values = List.copyOf(values);
        }
    }

    /**
     * A numeric array of any rank (rank 0 is a scalar), little-endian elements of {@code dtype}
     * (numpy name: float64, int64, ...). Keras writes an empty float64 array for weightless
     * layers' {@code weight_names}.
     */
    record Numeric(String dtype, long[] shape, byte[] littleEndianData) implements AttributeValue {
    }

    static AttributeValue string(String value, StringEncoding encoding) {
        return new StringScalar(value, encoding);
    }

    static AttributeValue strings(List<String> values, StringEncoding encoding) {
        return new StringArray(values, encoding);
    }

    static AttributeValue emptyFloat64Array() {
        return new Numeric("float64", new long[] {0}, new byte[0]);
    }
}
