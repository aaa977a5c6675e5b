package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.TestEnvironment;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Copies every HDF5 file Keras 3.15.1 wrote in the fixtures with the writer (structure, attribute
 * storage and raw bytes as h5py describes them) and requires h5py and h5dump to see the copy
 * exactly as they see Keras's original.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hdf5WriterKerasFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TempDir
    Path dir;

    /** Every fixture described by one h5py run (Python's start-up dominates the test's time). */
    private JsonNode descriptions;

    @BeforeAll
    void describeAllFixturesWithH5py() throws IOException {
        List<String> files = kerasHdf5Files().map(Path::toString).toList();
        if (files.size() > 1) {
            descriptions = ReferenceReaders.python(resource("h5py_describe.py"), files.toArray(String[]::new));
        }
    }

    static Stream<Path> kerasHdf5Files() throws IOException {
        if (!Files.isDirectory(FIXTURES)) {
            System.out.println("SKIPPED: fixtures folder " + FIXTURES.toAbsolutePath() + " missing");
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(f -> f.toString().endsWith(".h5"))
                    .filter(f -> !f.getFileName().toString().startsWith("broken_truncated"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kerasHdf5Files")
    void copyOfAKerasFileLooksIdenticalToH5pyAndH5dump(Path original) throws IOException {
        TestEnvironment.assumeH5py();
        JsonNode description = descriptions.get(original.toString());
        Path copy = dir.resolve(original.getFileName());
        TestFiles.write(copy, root -> rebuild(root, description));

        JsonNode both = ReferenceReaders.h5py(List.of(original, copy));
        assertEquals(both.get(0), both.get(1));
        assertJhdfReadsTheCopyAsDescribed(copy, description);
        TestEnvironment.assumeH5dump();
        assertEquals(withoutFirstLine(ReferenceReaders.h5dumpOk(original)), withoutFirstLine(ReferenceReaders.h5dumpOk(copy)));
        ReferenceReaders.Result diff = ReferenceReaders.h5diff(original, copy);
        assertEquals(0, diff.exitCode(), diff.output());
    }

    /** jhdf sees every dataset with its shape (float32 values exactly) and every string attribute. */
    private static void assertJhdfReadsTheCopyAsDescribed(Path copy, JsonNode description) {
        try (HdfFile hdf = new HdfFile(copy)) {
            for (JsonNode object : description) {
                String path = object.get("path").asText();
                Node node = path.equals("/") ? hdf : hdf.getByPath(path);
                if (object.get("kind").asText().equals("dataset")) {
                    Dataset dataset = (Dataset) node;
                    long[] shape = longs(object.get("shape"));
                    assertArrayEquals(java.util.Arrays.stream(shape).mapToInt(d -> (int) d).toArray(),
                            dataset.getDimensions(), path);
                    Object data = dataset.getData();
                    if (object.get("dtype").asText().equals("float32")) {
                        FloatBuffer expected = ByteBuffer.wrap(HexFormat.of().parseHex(object.get("hex").asText()))
                                .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                        List<Object> actual = JhdfValues.flatten(data);
                        assertEquals(expected.remaining(), actual.size(), path);
                        for (int i = 0; i < actual.size(); i++) {
                            assertEquals(expected.get(i), (Float) actual.get(i), path);
                        }
                    }
                }
                for (JsonNode attribute : object.get("attrs")) {
                    if (!attribute.get("kind").asText().equals("numeric")) {
                        List<String> values = new ArrayList<>();
                        attribute.get("values").forEach(v -> values.add(v.asText()));
                        Object data = node.getAttribute(attribute.get("name").asText()).getData();
                        assertEquals(values, data instanceof String[] array ? List.of(array) : List.of(data),
                                path + " @" + attribute.get("name").asText());
                    }
                }
            }
        }
    }

    private static void rebuild(GroupWriter root, JsonNode description) throws IOException {
        Map<String, GroupWriter> groups = new HashMap<>();
        groups.put("/", root);
        for (JsonNode object : description) {
            String path = object.get("path").asText();
            if (object.get("kind").asText().equals("group")) {
                GroupWriter group = path.equals("/") ? root : root.groupPath(path.substring(1));
                groups.put(path, group);
                object.get("attrs").forEach(a -> group.attribute(a.get("name").asText(), value(a)));
            } else {
                int slash = path.lastIndexOf('/');
                GroupWriter parent = groups.get(slash == 0 ? "/" : path.substring(0, slash));
                byte[] bytes = HexFormat.of().parseHex(object.get("hex").asText());
                DatasetWriter dataset = parent.dataset(path.substring(slash + 1), object.get("dtype").asText(),
                        longs(object.get("shape")), TestFiles.source(bytes));
                object.get("attrs").forEach(a -> dataset.attribute(a.get("name").asText(), value(a)));
            }
        }
    }

    private static AttributeValue value(JsonNode attribute) {
        String kind = attribute.get("kind").asText();
        if (kind.equals("numeric")) {
            return new AttributeValue.Numeric(attribute.get("dtype").asText(), longs(attribute.get("shape")),
                    HexFormat.of().parseHex(attribute.get("hex").asText()));
        }
        StringEncoding encoding = kind.equals("fixed") ? StringEncoding.FIXED_ASCII
                : attribute.get("utf8").asBoolean() ? StringEncoding.VLEN_UTF8 : StringEncoding.VLEN_ASCII;
        List<String> values = new ArrayList<>();
        attribute.get("values").forEach(v -> values.add(v.asText()));
        return attribute.get("scalar").asBoolean() ? AttributeValue.string(values.get(0), encoding)
                : AttributeValue.strings(values, encoding);
    }

    private static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }

    private static String resource(String name) throws IOException {
        try (var in = Hdf5WriterKerasFixturesTest.class.getResourceAsStream(name)) {
            Assumptions.assumeTrue(in != null, name + " missing");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String withoutFirstLine(String dump) {
        return dump.substring(dump.indexOf('\n') + 1);
    }
}
