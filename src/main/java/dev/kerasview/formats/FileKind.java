package dev.kerasview.formats;

/** What the first bytes of a file say it is. */
enum FileKind {
    ZIP, HDF5, JSON, DIRECTORY, EMPTY, LFS_POINTER, HTML, PICKLE, UNKNOWN
}
