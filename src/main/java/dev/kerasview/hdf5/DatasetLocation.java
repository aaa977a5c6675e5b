package dev.kerasview.hdf5;

import dev.kerasview.model.Shapes;
import io.jhdf.api.Dataset;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Where a dataset's values are and how to decode them; kept beside the structure so that
 * values can be read later without walking the file again.
 *
 * @param path         absolute path without leading slash
 * @param dtype        numpy-style element type name
 * @param shape        dimensions
 * @param order        byte order of the stored elements
 * @param rawOffset    offset of the contiguous, unfiltered bytes inside the HDF5 file, or -1
 * @param jhdfDataset  the jhdf dataset to decode through when the bytes are not contiguous, or null
 */
public record DatasetLocation(String path, String dtype, List<Long> shape, ByteOrder order,
                              long rawOffset, Dataset jhdfDataset) {

    public DatasetLocation {
        shape = List.copyOf(shape);
    }

    /** Number of elements (1 for a scalar). */
    public long elementCount() {
        return Shapes.elementCount(shape);
    }

    /** The same location with another dtype name (bfloat16 known from a layer's dtype policy). */
    public DatasetLocation withDtype(String newDtype) {
        return new DatasetLocation(path, newDtype, shape, order, rawOffset, jhdfDataset);
    }
}
