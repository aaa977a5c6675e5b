package dev.kerasview.hdf5.writer;

/** A dataset whose bytes are already in the file; its header is written at close. */
final class DatasetNode implements Node, DatasetWriter {

    private final String path;
    private final ElementType type;
    private final long[] shape;
    private final long address;
    private final long size;
    private final WriterState state;
    private final AttributeSet attributes = new AttributeSet();

    DatasetNode(String path, ElementType type, long[] shape, long address, long size, WriterState state) {
        this.path = path;
        this.type = type;
        this.shape = shape.clone();
        this.address = address;
        this.size = size;
        this.state = state;
    }

    @Override
    public void attribute(String name, AttributeValue value) {
        state.checkOpen();
        attributes.put(path, name, value);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public AttributeSet attributes() {
        return attributes;
    }

    ElementType type() {
        return type;
    }

    long[] shape() {
        return shape.clone();
    }

    long address() {
        return address;
    }

    long size() {
        return size;
    }
}
