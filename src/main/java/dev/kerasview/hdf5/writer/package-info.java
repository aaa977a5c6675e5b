/**
 * A streaming HDF5 writer for exactly the subset Keras files use: groups, contiguous datasets of
 * numeric types, and string attributes of any size. Dataset bytes are written as they arrive;
 * only metadata is held until {@link dev.kerasview.hdf5.writer.Hdf5Writer#close()}.
 */
package dev.kerasview.hdf5.writer;
