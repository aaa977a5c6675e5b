/** HDF5 structure reading over jhdf (lazy, memory-mapped) and the project's own streaming HDF5 writer. */
package dev.kerasview.hdf5;
