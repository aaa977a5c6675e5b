package dev.kerasview.hdf5.writer;

/** Whether the writer has been closed, shared by its groups and datasets. */
final class WriterState {

    private boolean closed;

    void markClosed() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the HDF5 writer is already closed");
        }
    }
}
