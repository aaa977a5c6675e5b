package dev.kerasview.diagnose;

import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/** Test-only: HDF5 structure of fixture files read directly with jhdf, as H5Group trees. */
public final class FixtureTrees {

    private FixtureTrees() {
    }

    public static H5Group ofHdf5(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            return group(hdf, "");
        }
    }

    public static H5Group ofArchiveWeights(Path keras) throws IOException {
        try (ZipFile zip = new ZipFile(keras.toFile())) {
            var entry = zip.getEntry("model.weights.h5");
            if (entry == null) {
                return null;
            }
            byte[] bytes = zip.getInputStream(entry).readAllBytes();
            try (HdfFile hdf = HdfFile.fromByteBuffer(ByteBuffer.wrap(bytes))) {
                return group(hdf, "");
            }
        }
    }

    public static String archiveConfig(Path keras) throws IOException {
        try (ZipFile zip = new ZipFile(keras.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static H5Group group(Group g, String path) {
        List<H5Group> groups = new ArrayList<>();
        List<H5Dataset> datasets = new ArrayList<>();
        Map<String, Node> children;
        try {
            children = g.getChildren();
        } catch (RuntimeException e) {
            // jhdf cannot parse some opaque (bfloat16) types: mark the group, as the reader does.
            return new H5Group(path, attributes(g), List.of(), List.of(), e.getMessage());
        }
        for (Map.Entry<String, Node> e : children.entrySet()) {
            String childPath = path.isEmpty() ? e.getKey() : path + "/" + e.getKey();
            Node n = e.getValue();
            if (n instanceof Group child) {
                groups.add(group(child, childPath));
            } else if (n instanceof Dataset d) {
                List<Long> shape = new ArrayList<>();
                for (int dim : d.getDimensions()) {
                    shape.add((long) dim);
                }
                String dtype = dtype(d);
                datasets.add(new H5Dataset(childPath, shape, dtype, d.getSizeInBytes(),
                        attributes(n)));
            }
        }
        groups.sort(java.util.Comparator.comparing(H5Group::key));
        return new H5Group(path, attributes(g), groups, datasets, null);
    }

    private static String dtype(Dataset d) {
        Class<?> t = d.getJavaType();
        String cls = d.getDataType().getClass().getSimpleName();
        if (cls.contains("Opaque") || t == null) {
            Object attr = d.getAttributes().containsKey("dtype")
                    ? d.getAttribute("dtype").getData() : null;
            return "bfloat16".equals(attr) ? "bfloat16" : "opaque";
        }
        if (t == float.class) {
            return "float32";
        }
        if (t == double.class) {
            return "float64";
        }
        if (t == int.class) {
            return "int32";
        }
        if (t == long.class) {
            return "int64";
        }
        return t.getSimpleName();
    }

    private static Map<String, Object> attributes(Node n) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> e : n.getAttributes().entrySet()) {
            try {
                Object v = e.getValue().getData();
                if (v != null && v.getClass().isArray()) {
                    List<Object> list = new ArrayList<>();
                    for (int i = 0; i < Array.getLength(v); i++) {
                        list.add(Array.get(v, i));
                    }
                    out.put(e.getKey(), list);
                } else if (v != null) {
                    out.put(e.getKey(), v);
                }
            } catch (RuntimeException ex) {
                // An attribute jhdf cannot decode is left out, as a reader would report it.
            }
        }
        return out;
    }
}
