package dev.kerasview.convert;

import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.model.FileFormat;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import dev.kerasview.model.WeightsLayout;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OpaqueDataType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * A test-only model source built directly on jhdf and java.util.zip, independent of the
 * project's readers: .keras archives, legacy .h5 files, and a JSON file with a weights file.
 */
final class JhdfModelSource implements OpenModel {

    private final ModelFile model;
    private final HdfFile hdf;
    private final Path extracted;

    private JhdfModelSource(ModelFile model, HdfFile hdf, Path extracted) {
        this.model = model;
        this.hdf = hdf;
        this.extracted = extracted;
    }

    static OpenModel open(Path file, Path weights) throws UnreadableFileException {
        try {
            byte[] head = new byte[4];
            try (InputStream in = Files.newInputStream(file)) {
                in.readNBytes(head, 0, 4);
            }
            if (head[0] == 'P' && head[1] == 'K') {
                return archive(file);
            }
            if (head[0] == (byte) 0x89 && head[1] == 'H') {
                HdfFile h = new HdfFile(file);
                H5Group tree = group(h, "");
                String config = tree.stringAttribute("model_config");
                ModelFile m = new ModelFile(file, null, FileFormat.LEGACY_H5, tree.stringAttribute("keras_version"),
                        null, tree.stringAttribute("backend"), Files.size(file), null, config,
                        tree.stringAttribute("training_config"), WeightsLayout.LEGACY, tree, List.of(), List.of());
                return new JhdfModelSource(m, h, null);
            }
            String json = Files.readString(file);
            HdfFile h = new HdfFile(weights);
            H5Group tree = group(h, "");
            boolean legacy = tree.attributes().containsKey("layer_names");
            ModelFile m = new ModelFile(file, weights, FileFormat.JSON_WITH_WEIGHTS, null, null, null,
                    Files.size(file) + Files.size(weights), null, json, null,
                    legacy ? WeightsLayout.LEGACY : WeightsLayout.KERAS3, tree, List.of(), List.of());
            return new JhdfModelSource(m, h, null);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(file, "test reader: " + e);
        }
    }

    private static OpenModel archive(Path file) throws IOException {
        String config;
        String version = null;
        Path tmp = Files.createTempFile("kv-test", ".h5");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            config = new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(), StandardCharsets.UTF_8);
            var meta = zip.getEntry("metadata.json");
            if (meta != null) {
                String m = new String(zip.getInputStream(meta).readAllBytes(), StandardCharsets.UTF_8);
                version = dev.kerasview.config.KerasJson.parse(m).path("keras_version").asText(null);
            }
            try (InputStream in = zip.getInputStream(zip.getEntry("model.weights.h5"))) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        HdfFile h = new HdfFile(tmp);
        H5Group tree = group(h, "");
        ModelFile m = new ModelFile(file, null, FileFormat.KERAS_ARCHIVE, version, null, null, Files.size(file),
                null, config, null, WeightsLayout.KERAS3, tree, List.of(), List.of());
        return new JhdfModelSource(m, h, tmp);
    }

    private static H5Group group(Group g, String path) {
        List<H5Group> groups = new ArrayList<>();
        List<H5Dataset> datasets = new ArrayList<>();
        for (Node child : g.getChildren().values()) {
            String p = path.isEmpty() ? child.getName() : path + "/" + child.getName();
            if (child instanceof Group cg) {
                groups.add(group(cg, p));
            } else if (child instanceof Dataset d) {
                List<Long> shape = Arrays.stream(d.getDimensionsAsLong()).boxed().toList();
                long n = shape.stream().reduce(1L, (a, b) -> a * b);
                DataType t = d.getDataType();
                datasets.add(new H5Dataset(p, shape, dtype(t), n * t.getSize(), attributes(d)));
            }
        }
        groups.sort((a, b) -> a.key().compareTo(b.key()));
        datasets.sort((a, b) -> {
            boolean na = a.key().matches("\\d+");
            boolean nb = b.key().matches("\\d+");
            return na && nb ? Integer.compare(Integer.parseInt(a.key()), Integer.parseInt(b.key()))
                    : a.key().compareTo(b.key());
        });
        return new H5Group(path, attributes(g), groups, datasets, null);
    }

    static String dtype(DataType t) {
        if (t instanceof FloatingPoint) {
            return "float" + t.getSize() * 8;
        }
        if (t instanceof FixedPoint f) {
            return (f.isSigned() ? "int" : "uint") + t.getSize() * 8;
        }
        if (t instanceof EnumDataType) {
            return "bool";
        }
        if (t instanceof OpaqueDataType && t.getSize() == 2) {
            return "bfloat16";
        }
        return "opaque" + t.getSize();
    }

    private static Map<String, Object> attributes(Node n) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> e : n.getAttributes().entrySet()) {
            Object v = e.getValue().getData();
            if (v instanceof String s) {
                out.put(e.getKey(), s);
            } else if (v instanceof String[] arr) {
                out.put(e.getKey(), List.of(arr));
            } else if (v instanceof double[] d && d.length == 0) {
                out.put(e.getKey(), List.of());
            } else if (v instanceof Number num) {
                out.put(e.getKey(), num);
            }
        }
        return out;
    }

    @Override
    public ModelFile model() {
        return model;
    }

    @Override
    public TensorStore tensors() {
        return new TensorStore() {
            @Override
            public ReadableByteChannel openRaw(VariableInfo variable) throws IOException {
                Dataset d = hdf.getDatasetByPath(variable.path());
                if (!(d instanceof ContiguousDataset c)) {
                    throw new IOException("test reader handles contiguous datasets only: " + variable.path());
                }
                ByteBuffer b = variable.elementCount() == 0 ? ByteBuffer.allocate(0) : c.getBuffer().duplicate();
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                return Channels.newChannel(new ByteArrayInputStream(bytes));
            }

            @Override
            public VariableStats statistics(VariableInfo variable, int bins) {
                throw new UnsupportedOperationException("not needed by conversion tests");
            }
        };
    }

    @Override
    public void close() {
        hdf.close();
        if (extracted != null) {
            try {
                Files.deleteIfExists(extracted);
            } catch (IOException ignored) {
                // a temp file of a test
            }
        }
    }
}
