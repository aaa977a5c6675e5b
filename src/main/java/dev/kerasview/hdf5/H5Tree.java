package dev.kerasview.hdf5;

import dev.kerasview.model.H5Group;
import java.util.Map;
import java.util.Optional;

/**
 * The structure of one HDF5 file and, for each dataset, where its values are.
 *
 * @param root  the root group
 * @param index dataset path (no leading slash) to its location
 */
public record H5Tree(H5Group root, Map<String, DatasetLocation> index) {

    public H5Tree {
        index = Map.copyOf(index);
    }

    /** The location of a dataset by absolute path. */
    public Optional<DatasetLocation> dataset(String path) {
        return Optional.ofNullable(index.get(path));
    }
}
