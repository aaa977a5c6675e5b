package dev.kerasview.hdf5;

import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the structure of an HDF5 file (groups, datasets, attributes; never tensor values).
 * A group jhdf cannot list is retried with a minimal reader of its own; a group that stays
 * unreadable is kept with its problem so the rest of the tree still shows.
 */
public final class H5TreeReader {

    /** Orders "0","1",...,"10" numerically and other names after them alphabetically. */
    public static final Comparator<String> KEY_ORDER = (a, b) -> {
        boolean na = isIndex(a);
        boolean nb = isIndex(b);
        if (na && nb) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return a.compareTo(b);
    };

    private final HdfFile file;
    private final long userBlock;
    private final Map<String, DatasetLocation> index = new LinkedHashMap<>();
    /** Path each group was first read under, by object address: hard links can form cycles. */
    private final Map<Long, String> readGroups = new HashMap<>();
    private final StructureBytes bytes;
    private final int lengths;
    private final VariableLengthStrings strings;
    private final RawAttributeValue values;

    private H5TreeReader(HdfFile file) {
        this.file = file;
        this.userBlock = file.getUserBlockSize();
        this.bytes = new StructureBytes(file.getHdfBackingStorage());
        this.lengths = bytes.lengths();
        this.strings = new VariableLengthStrings(bytes);
        this.values = new RawAttributeValue(strings);
    }

    /**
     * Reads the whole structure of an open file: through {@link ClassicLayoutReader} when the
     * file is laid out as h5py writes it, else (or when that reader fails) through jhdf.
     */
    public static H5Tree read(HdfFile file) {
        try {
            return ClassicLayoutReader.read(file);
        } catch (RuntimeException | StackOverflowError e) {
            // another layout, or damage: jhdf reads the one and says what the other is
        }
        return readThroughJhdf(file);
    }

    /** Reads the whole structure through jhdf's nodes. */
    static H5Tree readThroughJhdf(HdfFile file) {
        H5TreeReader r = new H5TreeReader(file);
        H5Group root = r.group(file, "");
        return new H5Tree(root, r.index);
    }

    private H5Group group(Group g, String path) {
        String first = readGroups.putIfAbsent(g.getAddress(), path);
        if (first != null) {
            return alias(path, first);
        }
        Map<String, Object> attrs = attributes(g);
        Map<String, Node> children;
        try {
            children = g.getChildren();
        } catch (RuntimeException e) {
            return fallbackGroup(g.getAddress(), path, attrs, e);
        }
        List<H5Group> groups = new ArrayList<>();
        List<H5Dataset> datasets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Node> c : children.entrySet()) {
            String childPath = join(path, c.getKey());
            try {
                Node n = c.getValue();
                if (n.isLink()) {
                    problems.add("'" + c.getKey() + "' is a link, which Keras refuses");
                } else if (n instanceof Group cg) {
                    groups.add(group(cg, childPath));
                } else if (n instanceof Dataset d) {
                    datasets.add(dataset(d, childPath));
                }
            } catch (RuntimeException e) {
                groups.add(new H5Group(childPath, Map.of(), List.of(), List.of(),
                        "unreadable: " + oneLine(e)));
            }
        }
        return finish(path, attrs, groups, datasets,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    private H5Dataset dataset(Dataset d, String path) {
        Map<String, Object> attrs = attributes(d);
        String dtype = NumpyDtype.marked(NumpyDtype.of(d.getDataType()), d.getDataType().getSize(),
                attrs.get("dtype"));
        List<Long> shape = new ArrayList<>();
        for (long x : d.getDimensionsAsLong()) {
            shape.add(x);
        }
        long raw = -1;
        if (d instanceof ContiguousDataset cd) {
            raw = userBlock + cd.getDataAddress();
        }
        DatasetLocation loc = new DatasetLocation(path, dtype, shape,
                NumpyDtype.byteOrder(d.getDataType()), raw, raw >= 0 ? null : d);
        index.put(path, loc);
        return new H5Dataset(path, shape, dtype, loc.elementCount() * d.getDataType().getSize(),
                attrs);
    }

    private H5Group fallbackGroup(long address, String path, Map<String, Object> attrs,
                                  RuntimeException cause) {
        try {
            RawObjectHeader gh = RawObjectHeader.read(bytes, address);
            if (gh.symbolTableBTree < 0) {
                throw cause;
            }
            List<H5Group> groups = new ArrayList<>();
            List<H5Dataset> datasets = new ArrayList<>();
            for (SymbolTable.Entry e : new SymbolTable(bytes).entries(gh.symbolTableBTree,
                    gh.symbolTableHeap)) {
                String childPath = join(path, e.name());
                try {
                    RawObjectHeader h = RawObjectHeader.read(bytes, e.address());
                    String first = h.symbolTableBTree >= 0
                            ? readGroups.putIfAbsent(e.address(), childPath) : null;
                    if (first != null) {
                        groups.add(alias(childPath, first));
                    } else if (h.symbolTableBTree >= 0) {
                        groups.add(fallbackGroup(e.address(), childPath, Map.of(), cause));
                    } else {
                        datasets.add(rawDataset(h, childPath));
                    }
                } catch (RuntimeException ex) {
                    groups.add(new H5Group(childPath, Map.of(), List.of(), List.of(),
                            "unreadable: " + oneLine(ex)));
                }
            }
            return finish(path, attrs, groups, datasets, null);
        } catch (RuntimeException e) {
            return new H5Group(path, attrs, List.of(), List.of(), "unreadable: " + oneLine(cause));
        }
    }

    /** A second name for a group already read (Keras never writes one); not descended into again. */
    static H5Group alias(String path, String first) {
        return new H5Group(path, Map.of(), List.of(), List.of(), "a hard link to '/" + first
                + "' (a cycle or a duplicate name), which Keras never writes; not read twice");
    }

    private H5Dataset rawDataset(RawObjectHeader h, String path) {
        RawDatatype type = h.type();
        RawDataspace space = h.space(lengths);
        if (type == null || space == null) {
            throw new IllegalStateException("object '" + path + "' has no dataspace or datatype");
        }
        Map<String, Object> attrs = values.byName(h.attributes(lengths));
        String dtype = type.numpyName();
        dtype = dtype == null ? "class" + type.typeClass()
                : NumpyDtype.marked(dtype, type.size(), attrs.get("dtype"));
        List<Long> shape = new ArrayList<>();
        for (long x : space.dims()) {
            shape.add(x);
        }
        if (h.chunked || (h.dataAddress < 0 && !shape.contains(0L))) {
            throw new IllegalStateException("dataset '" + path + "' is not stored contiguously");
        }
        DatasetLocation loc = new DatasetLocation(path, dtype, shape, type.order(),
                h.dataAddress < 0 ? 0 : userBlock + h.dataAddress, null);
        index.put(path, loc);
        return new H5Dataset(path, shape, dtype, loc.elementCount() * type.size(), attrs);
    }

    static H5Group finish(String path, Map<String, Object> attrs, List<H5Group> groups,
                                  List<H5Dataset> datasets, String problem) {
        groups.sort(Comparator.comparing(H5Group::key, KEY_ORDER));
        datasets.sort(Comparator.comparing(H5Dataset::key, KEY_ORDER));
        return new H5Group(path, attrs, groups, datasets, problem);
    }

    private Map<String, Object> attributes(Node n) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Attribute> attrs;
        try {
            attrs = n.getAttributes();
        } catch (RuntimeException e) {
            return out;
        }
        for (Map.Entry<String, Attribute> a : attrs.entrySet()) {
            try {
                Attribute attr = a.getValue();
                Object v = attr.isEmpty() ? AttributeValues.read(attr)
                        : strings.read(attr).map(AttributeValues::of).orElseGet(() -> AttributeValues.read(attr));
                if (v != null) {
                    out.put(a.getKey(), v);
                }
            } catch (RuntimeException e) {
                // An attribute of a type Keras never writes: leave it out, keep the node.
            }
        }
        return out;
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        String msg = t.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                msg = msg == null ? t.getMessage() : msg + " (" + t.getMessage() + ")";
            }
        }
        return msg == null ? e.getClass().getSimpleName() : msg.replace('\n', ' ');
    }
}
