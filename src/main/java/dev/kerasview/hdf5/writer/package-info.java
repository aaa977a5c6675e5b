/**
 * A streaming HDF5 writer for exactly the subset Keras files use: groups, contiguous datasets of
 * numeric types, and string attributes of any size. Dataset bytes are written as they arrive;
 * only metadata is held until {@link dev.kerasview.hdf5.writer.Hdf5Writer#close()}.
 *
 * <p>File format (HDF5 1.8 and later; chosen because it needs no B-trees or local heaps):
 * superblock version 2; version-2 object headers ("OHDR", one chunk, lookup3 checksum); groups
 * with link info, group info and compact link messages (any number of children in one header);
 * contiguous layout; datatypes encoded byte for byte as the HDF5 library encodes h5py's types
 * (bool as an int8 enum FALSE/TRUE, bfloat16 as a 2-byte opaque type with an empty tag);
 * variable-length strings in global heap collections of at least 4 KB, as large as needed.
 * One attribute must fit one header message (64 KB); see {@link
 * dev.kerasview.hdf5.writer.ChunkedStringAttribute} for Keras's way of splitting long lists.
 */
package dev.kerasview.hdf5.writer;
