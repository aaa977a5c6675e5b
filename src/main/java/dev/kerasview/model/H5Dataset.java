package dev.kerasview.model;

import java.util.List;
import java.util.Map;

/**
 * A dataset of an HDF5 file as a structure: where it is, its shape and type, never its values.
 *
 * @param path       absolute path without leading slash ({@code layers/dense/vars/0})
 * @param shape      dimensions; empty for a scalar dataspace
 * @param dtype      numpy-style dtype name (float32, float16, int64, bool, bfloat16, opaque, ...)
 * @param byteSize   stored size in bytes
 * @param attributes the dataset's attributes (String, List of String, Number or List of Number)
 */
public record H5Dataset(String path, List<Long> shape, String dtype, long byteSize,
                        Map<String, Object> attributes) {

    public H5Dataset {
        shape = List.copyOf(shape);
        attributes = Map.copyOf(attributes);
    }

    /** The last path segment. */
    public String key() {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }
}
