package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A group being written: remembers its children and attributes until the writer closes. */
final class GroupNode implements Node, GroupWriter {

    /** A link message, like every header message, must stay under 64 KB; names take most of it. */
    private static final int MAX_NAME_BYTES = 65_000;

    /** HDF5's limit on the rank of a dataspace. */
    private static final int MAX_RANK = 32;

    private final String path;
    private final OutputFile file;
    private final WriterState state;
    private final Map<String, Node> children = new LinkedHashMap<>();
    private final AttributeSet attributes = new AttributeSet();

    GroupNode(String path, OutputFile file, WriterState state) {
        this.path = path;
        this.file = file;
        this.state = state;
    }

    @Override
    public GroupWriter group(String name) {
        state.checkOpen();
        String problem = nameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Node existing = children.get(name);
        if (existing instanceof GroupNode group) {
            return group;
        }
        if (existing != null) {
            throw new IllegalArgumentException("cannot create group " + childPath(name)
                    + ": a dataset of that name already exists");
        }
        GroupNode group = new GroupNode(childPath(name), file, state);
        children.put(name, group);
        return group;
    }

    @Override
    public GroupWriter groupPath(String relativePath) {
        state.checkOpen();
        if (relativePath == null) {
            throw new IllegalArgumentException("group path is null (under " + path + ")");
        }
        GroupWriter group = this;
        for (String segment : relativePath.split("/")) {
            if (!segment.isEmpty()) {
                group = group.group(segment);
            }
        }
        return group;
    }

    @Override
    public void attribute(String name, AttributeValue value) {
        state.checkOpen();
        attributes.put(path, name, value);
    }

    @Override
    public DatasetWriter dataset(String name, String dtype, long[] shape, DataSource data)
            throws IOException {
        state.checkOpen();
        String problem = nameProblem(name);
        if (problem != null) {
            throw new IOException("Cannot create dataset: " + problem);
        }
        String datasetPath = childPath(name);
        if (children.containsKey(name)) {
            throw new IOException("Cannot create dataset " + datasetPath + ": the group already has a "
                    + (children.get(name) instanceof GroupNode ? "group" : "dataset") + " of that name.");
        }
        ElementType type = ElementType.forNumpyName(dtype).orElseThrow(() -> new IOException(
                "Cannot write dataset " + datasetPath + ": dtype '" + dtype
                        + "' is not supported (supported: " + ElementType.supportedNames() + ")."));
        if (shape == null || shape.length > MAX_RANK) {
            throw new IOException("Cannot write dataset " + datasetPath + ": shape must have 0 to "
                    + MAX_RANK + " dimensions, got " + (shape == null ? "none" : shape.length) + ".");
        }
        long count = DataspaceMessage.elementCount(shape);
        if (count < 0 || count > Long.MAX_VALUE / type.size()) {
            throw new IOException("Cannot write dataset " + datasetPath + ": invalid shape "
                    + Arrays.toString(shape) + " (negative or too large).");
        }
        if (data == null) {
            throw new IOException("Cannot write dataset " + datasetPath + ": no data source.");
        }
        long size = count * type.size();
        String what = "dataset " + datasetPath + " (" + type.numpyName() + " " + Arrays.toString(shape) + ")";
        long address = file.appendData(what, size, data);
        DatasetNode dataset = new DatasetNode(datasetPath, type, shape, address, size, state);
        children.put(name, dataset);
        return dataset;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public AttributeSet attributes() {
        return attributes;
    }

    /** The children in creation order. */
    Map<String, Node> children() {
        return children;
    }

    private String childPath(String name) {
        return path.endsWith("/") ? path + name : path + "/" + name;
    }

    private String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "an empty name is not allowed (under " + path + ")";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0 || name.equals(".")) {
            return "name '" + name.replace("\0", "\\0") + "' under " + path
                    + " is not a single path segment (no '/', NUL or '.')";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return "a name of more than " + MAX_NAME_BYTES + " bytes is not allowed (under " + path + ")";
        }
        return null;
    }
}
