package dev.kerasview.hdf5;

import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the structure of an HDF5 file in the layout h5py writes by default, and so every
 * Keras file: a version 0 or 1 superblock, version-1 object headers, groups listed by symbol
 * tables, contiguous datasets. It gives the tree the jhdf walk of {@link H5TreeReader} gives,
 * several times faster: jhdf builds a node, a lazy initializer and every message object for
 * each of a big model's tens of thousands of objects. Anything else in a file is left to jhdf
 * by throwing {@link NotClassic}.
 */
final class ClassicLayoutReader {

    /** The file holds something this reader leaves to jhdf; not a sign of damage. */
    static final class NotClassic extends RuntimeException {
        NotClassic(String what) {
            super(what, null, false, false);
        }
    }

    private final StructureBytes bytes;
    private final int lengths;
    private final long userBlock;
    private final SymbolTable symbols;
    private final RawAttributeValue values;
    private final Map<String, DatasetLocation> index = new LinkedHashMap<>();
    /** Path each group was first read under, by object address: hard links can form cycles. */
    private final Map<Long, String> readGroups = new HashMap<>();

    private ClassicLayoutReader(HdfFile file) {
        this.bytes = new StructureBytes(file.getHdfBackingStorage());
        this.lengths = bytes.lengths();
        this.userBlock = file.getUserBlockSize();
        this.symbols = new SymbolTable(bytes);
        this.values = new RawAttributeValue(new VariableLengthStrings(bytes));
    }

    /**
     * The structure of {@code file}.
     *
     * @throws NotClassic       when the file uses a structure only jhdf reads
     * @throws RuntimeException when the file is damaged (jhdf then says how)
     */
    static H5Tree read(HdfFile file) {
        if (!(file.getHdfBackingStorage().getSuperblock() instanceof Superblock.SuperblockV0V1)) {
            throw new NotClassic("a version 2 or 3 superblock");
        }
        ClassicLayoutReader r = new ClassicLayoutReader(file);
        // jhdf has read the root's symbol table entry from the superblock already
        long root = file.getAddress();
        H5Group tree = r.group(root, r.header(root), "");
        return new H5Tree(tree, r.index);
    }

    private RawObjectHeader header(long address) {
        RawObjectHeader h = RawObjectHeader.read(bytes, address);
        if (h.notClassic != null) {
            throw new NotClassic(h.notClassic);
        }
        return h;
    }

    private H5Group group(long address, RawObjectHeader h, String path) {
        String first = readGroups.putIfAbsent(address, path);
        if (first != null) {
            return H5TreeReader.alias(path, first);
        }
        if (h.symbolTableBTree < 0) {
            throw new NotClassic("group '/" + path + "' has no symbol table");
        }
        Map<String, Object> attrs = attributes(h);
        // a name listed twice keeps its last entry, as jhdf's map of children does
        Map<String, SymbolTable.Entry> members = new LinkedHashMap<>();
        for (SymbolTable.Entry e : symbols.entries(h.symbolTableBTree, h.symbolTableHeap)) {
            members.put(e.name(), e);
        }
        List<H5Group> groups = new ArrayList<>();
        List<H5Dataset> datasets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (SymbolTable.Entry e : members.values()) {
            String childPath = H5TreeReader.join(path, e.name());
            if (e.softLink()) {
                problems.add("'" + e.name() + "' is a link, which Keras refuses");
                continue;
            }
            RawObjectHeader child = header(e.address());
            if (child.hasDataspace) {
                datasets.add(dataset(child, childPath));
            } else if (!child.hasDatatype()) {
                groups.add(group(e.address(), child, childPath));
            }
            // a datatype without a dataspace is a committed datatype: not part of the tree
        }
        return H5TreeReader.finish(path, attrs, groups, datasets,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    private H5Dataset dataset(RawObjectHeader h, String path) {
        RawDatatype type = h.type();
        String dtype = type == null ? null : type.numpyName();
        if (dtype == null) {
            throw new NotClassic("dataset '/" + path + "' of type class "
                    + (type == null ? "none" : String.valueOf(type.typeClass())));
        }
        if (h.layoutClass != 1 || h.dataAddress < 0) {
            // compact and chunked values, and never-written ones, are decoded through jhdf
            throw new NotClassic("dataset '/" + path + "' is not stored contiguously");
        }
        Map<String, Object> attrs = attributes(h);
        dtype = NumpyDtype.marked(dtype, type.size(), attrs.get("dtype"));
        List<Long> shape = new ArrayList<>();
        for (long x : h.space(lengths).dims()) {
            shape.add(x);
        }
        DatasetLocation loc = new DatasetLocation(path, dtype, shape, type.order(),
                userBlock + h.dataAddress, null);
        index.put(path, loc);
        return new H5Dataset(path, shape, dtype, loc.elementCount() * type.size(), attrs);
    }

    private Map<String, Object> attributes(RawObjectHeader h) {
        return values.byName(h.attributes(lengths));
    }
}
