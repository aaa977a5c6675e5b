package dev.kerasview.model;

import java.util.List;

/**
 * One stored variable (an HDF5 dataset) of a layer, described without reading its values.
 *
 * @param name      Keras's variable name ({@code kernel}, {@code bias}, ...) or the dataset key
 *                  when the layer class is unknown
 * @param shape     dimensions; empty for a scalar
 * @param dtype     numpy-style dtype name: float32, float16, bfloat16, int32, bool, ...
 * @param byteSize  stored size in bytes
 * @param trainable whether Keras treats it as trainable
 * @param path      absolute HDF5 path of the dataset inside its weights file, without leading
 *                  slash ({@code layers/dense/vars/0}, {@code model_weights/dense/dense/kernel})
 * @param file      the file holding the dataset when it is not the model's main weights store
 *                  (a shard), else null
 */
public record VariableInfo(String name, List<Long> shape, String dtype, long byteSize,
                           boolean trainable, String path, String file) {

    public VariableInfo {
        shape = List.copyOf(shape);
    }

    /** Number of elements (1 for a scalar). */
    public long elementCount() {
        return Shapes.elementCount(shape);
    }
}
