package dev.kerasview.hdf5.writer;

/** An object of the file being written (a group or a dataset) with its attributes. */
sealed interface Node permits GroupNode, DatasetNode {

    /** The absolute path, for messages. */
    String path();

    AttributeSet attributes();
}
