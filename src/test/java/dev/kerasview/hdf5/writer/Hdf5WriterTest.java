package dev.kerasview.hdf5.writer;

import static dev.kerasview.hdf5.writer.TestFiles.doubles;
import static dev.kerasview.hdf5.writer.TestFiles.floats;
import static dev.kerasview.hdf5.writer.TestFiles.integers;
import static dev.kerasview.hdf5.writer.TestFiles.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Hdf5WriterTest {

    @TempDir
    Path dir;

    /** One dtype's test values: the bytes written and the values readers must see. */
    record Case(String dtype, byte[] bytes, List<String> values, String h5dumpType) {
        @Override
        public String toString() {
            return dtype;
        }
    }

    static List<Case> numericCases() {
        return List.of(
                new Case("float16", integers(2, 0x0000, 0x3C00, 0x3E00, 0xC000, 0x3400, 0x7BFF),
                        List.of("0", "1", "1.5", "-2", "0.25", "65504"), "16-bit little-endian floating-point"),
                new Case("float32", floats(0f, 1.5f, -2.25f, 1024f, 0.125f, -65536f),
                        List.of("0", "1.5", "-2.25", "1024", "0.125", "-65536"), "H5T_IEEE_F32LE"),
                new Case("float64", doubles(0.1, -7.5, 1e100, 3, 2.5, -0.5),
                        List.of("0.1", "-7.5", "1e100", "3", "2.5", "-0.5"), "H5T_IEEE_F64LE"),
                new Case("int8", integers(1, -128, 127, 0, -1, 5, 100),
                        List.of("-128", "127", "0", "-1", "5", "100"), "H5T_STD_I8LE"),
                new Case("int16", integers(2, -32768, 32767, 0, -1, 5, 1000),
                        List.of("-32768", "32767", "0", "-1", "5", "1000"), "H5T_STD_I16LE"),
                new Case("int32", integers(4, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 5, 100000),
                        List.of("-2147483648", "2147483647", "0", "-1", "5", "100000"), "H5T_STD_I32LE"),
                new Case("int64", integers(8, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 5, 1L << 40),
                        List.of("-9223372036854775808", "9223372036854775807", "0", "-1", "5", "1099511627776"),
                        "H5T_STD_I64LE"),
                new Case("uint8", integers(1, 0, 255, 128, 1, 2, 3),
                        List.of("0", "255", "128", "1", "2", "3"), "H5T_STD_U8LE"),
                new Case("uint16", integers(2, 0, 65535, 32768, 1, 2, 3),
                        List.of("0", "65535", "32768", "1", "2", "3"), "H5T_STD_U16LE"),
                new Case("uint32", integers(4, 0, 0xFFFFFFFFL, 0x80000000L, 1, 2, 3),
                        List.of("0", "4294967295", "2147483648", "1", "2", "3"), "H5T_STD_U32LE"),
                new Case("uint64", integers(8, 0, -1L, Long.MIN_VALUE, 1, 2, 3),
                        List.of("0", "18446744073709551615", "9223372036854775808", "1", "2", "3"),
                        "H5T_STD_U64LE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numericCases")
    void numericDatasetIsReadBackWithItsDtypeAndValuesByH5pyH5dumpAndJhdf(Case c) throws IOException {
        Path file = TestFiles.write(dir.resolve(c.dtype() + ".h5"),
                root -> root.group("g").dataset("x", c.dtype(), new long[] {2, 3}, source(c.bytes())));

        String dump = ReferenceReaders.h5dumpOk(file, "-d", "/g/x");
        assertTrue(dump.contains(c.h5dumpType()), dump);
        assertTrue(dump.contains("SIMPLE { ( 2, 3 ) / ( 2, 3 ) }"), dump);

        JsonNode x = ReferenceReaders.h5py(file).get("/g/x");
        assertEquals(c.dtype(), x.get("dtype").asText());
        assertEquals("[2,3]", x.get("shape").toString());
        List<String> expected = c.values().stream().map(JhdfValues::decimal).toList();
        assertEquals(expected, decimals(x.get("values")));

        try (HdfFile hdf = new HdfFile(file)) {
            Dataset dataset = hdf.getDatasetByPath("/g/x");
            assertArrayEquals(new int[] {2, 3}, dataset.getDimensions());
            assertEquals(expected, JhdfValues.asText(dataset.getData()));
        }
    }

    @Test
    void boolDatasetIsAnInt8EnumThatH5pyReadsAsNumpyBool() throws IOException {
        Path file = TestFiles.write(dir.resolve("bool.h5"),
                root -> root.dataset("mask", "bool", new long[] {2, 3}, source(new byte[] {0, 1, 1, 0, 1, 0})));

        String dump = ReferenceReaders.h5dumpOk(file, "-d", "/mask");
        assertTrue(dump.contains("H5T_ENUM") && dump.contains("H5T_STD_I8LE")
                && dump.contains("\"FALSE\"            0;") && dump.contains("\"TRUE\"             1;"), dump);
        assertTrue(dump.contains("FALSE, TRUE, TRUE"), dump);

        JsonNode mask = ReferenceReaders.h5py(file).get("/mask");
        assertEquals("bool", mask.get("dtype").asText());
        assertEquals("[false,true,true,false,true,false]", mask.get("values").toString());

        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(List.of("FALSE", "TRUE", "TRUE", "FALSE", "TRUE", "FALSE"),
                    JhdfValues.asText(hdf.getDatasetByPath("/mask").getData()));
        }
    }

    @Test
    void bfloat16DatasetIsATwoByteOpaqueWithEmptyTagLikeKerasWrites() throws IOException {
        // 1.0, -2.0, 0.5 as bfloat16 (the top half of the float32 bits), little-endian
        byte[] bytes = integers(2, 0x3F80, 0xC000, 0x3F00);
        Path file = TestFiles.write(dir.resolve("bf16.h5"), root -> {
            DatasetWriter kernel = root.groupPath("layers/dense/vars").dataset("0", "bfloat16", new long[] {3}, source(bytes));
            kernel.attribute("dtype", AttributeValue.string("bfloat16", StringEncoding.VLEN_UTF8));
        });

        String dump = ReferenceReaders.h5dumpOk(file, "-d", "/layers/dense/vars/0");
        assertTrue(dump.contains("H5T_OPAQUE") && dump.contains("OPAQUE_TAG \"\";"), dump);
        assertTrue(dump.contains("80:3f, 00:c0, 00:3f"), dump);

        JsonNode dataset = ReferenceReaders.h5py(file).get("/layers/dense/vars/0");
        assertEquals("|V2", dataset.get("dtype").asText());
        assertEquals("[\"803f\",\"00c0\",\"003f\"]", dataset.get("values").toString());
        assertEquals("bfloat16", dataset.get("attrs").get("dtype").get("value").asText());
        assertEquals(1, dataset.get("attr_count").asInt());
        assertEquals("str", dataset.get("attrs").get("dtype").get("pytype").asText());
        JsonNode tag = ReferenceReaders.python("""
                import h5py, json, sys
                t = h5py.File(sys.argv[1], 'r')['layers/dense/vars/0'].id.get_type()
                print(json.dumps({'tag': t.get_tag().decode(), 'size': t.get_size()}))
                """, file.toString());
        assertEquals("", tag.get("tag").asText());
        assertEquals(2, tag.get("size").asInt());

        try (HdfFile hdf = new HdfFile(file)) {
            Dataset dataset0 = hdf.getDatasetByPath("/layers/dense/vars/0");
            byte[][] elements = (byte[][]) dataset0.getData();
            assertEquals("803f00c0003f", HexFormat.of().formatHex(elements[0])
                    + HexFormat.of().formatHex(elements[1]) + HexFormat.of().formatHex(elements[2]));
            assertEquals("bfloat16", dataset0.getAttribute("dtype").getData());
        }
    }

    static List<long[]> shapes() {
        return List.of(new long[] {}, new long[] {5}, new long[] {2, 3}, new long[] {2, 1, 3, 2},
                new long[] {0}, new long[] {2, 0, 3}, new long[] {3, 0});
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void datasetOfAnyRankIncludingScalarAndZeroLengthIsReadBackWithItsShape(long[] shape) throws IOException {
        int count = (int) DataspaceMessage.elementCount(shape);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = i * 0.5f - 1;
        }
        Path file = TestFiles.write(dir.resolve("shape.h5"),
                root -> root.dataset("x", "float32", shape, source(floats(values))));
        List<String> expected = new ArrayList<>();
        for (float value : values) {
            expected.add(JhdfValues.decimal(value));
        }

        String dump = ReferenceReaders.h5dumpOk(file, "-d", "/x");
        if (shape.length == 0) {
            assertTrue(dump.contains("DATASPACE  SCALAR"), dump);
        } else {
            String dims = String.join(", ", java.util.Arrays.stream(shape).mapToObj(Long::toString).toList());
            assertTrue(dump.contains("SIMPLE { ( " + dims + " ) / ( " + dims + " ) }"), dump);
        }

        JsonNode x = ReferenceReaders.h5py(file).get("/x");
        assertEquals(java.util.Arrays.toString(shape).replace(" ", ""), x.get("shape").toString());
        assertEquals("float32", x.get("dtype").asText());
        assertEquals(expected, decimals(x.get("values")));

        try (HdfFile hdf = new HdfFile(file)) {
            Dataset dataset = hdf.getDatasetByPath("/x");
            assertArrayEquals(java.util.Arrays.stream(shape).mapToInt(d -> (int) d).toArray(), dataset.getDimensions());
            if (count > 0) {
                assertEquals(expected, JhdfValues.asText(dataset.getData()));
            } else {
                Object data = dataset.getData();
                assertTrue(data == null || JhdfValues.flatten(data).isEmpty(), "no values expected");
            }
        }
    }

    @Test
    void variableLengthAttributeOf300KilobytesIsStoredInTheGlobalHeapAndReadBackWhole() throws IOException {
        String config = modelConfigOfSize(300_000);
        Path file = TestFiles.write(dir.resolve("config.h5"), root -> {
            root.attribute("model_config", AttributeValue.string(config, StringEncoding.VLEN_ASCII));
            root.attribute("model_config_utf8", AttributeValue.string(config, StringEncoding.VLEN_UTF8));
            root.group("model_weights").attribute("small", AttributeValue.string("x", StringEncoding.VLEN_ASCII));
        });

        String dump = ReferenceReaders.h5dumpOk(file, "-A");
        assertTrue(dump.contains("CSET H5T_CSET_ASCII;") && dump.contains("CSET H5T_CSET_UTF8;"), dump.substring(0, 500));
        assertTrue(dump.contains("(0): \"{\"class_name\": \"Functional\""), dump.substring(0, 800));

        JsonNode root = ReferenceReaders.h5py(file).get("/");
        assertEquals(2, root.get("attr_count").asInt());
        JsonNode attrs = root.get("attrs");
        for (String name : List.of("model_config", "model_config_utf8")) {
            assertEquals("str", attrs.get(name).get("pytype").asText());
            assertEquals(config, attrs.get(name).get("value").asText());
        }

        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(config, hdf.getAttribute("model_config").getData());
            assertEquals(config, hdf.getAttribute("model_config_utf8").getData());
            assertEquals("x", hdf.getByPath("/model_weights").getAttribute("small").getData());
        }
    }

    @Test
    void fixedLengthStringArraysAreNullPaddedAsciiThatH5pyReturnsAsBytes() throws IOException {
        List<String> names = List.of("dense/kernel:0", "b", "dense/bias:0");
        Path file = TestFiles.write(dir.resolve("fixed.h5"), root -> {
            root.attribute("weight_names", AttributeValue.strings(names, StringEncoding.FIXED_ASCII));
            root.attribute("scalar", AttributeValue.string("tensorflow", StringEncoding.FIXED_ASCII));
            root.attribute("empty", AttributeValue.strings(List.of(), StringEncoding.FIXED_ASCII));
        });

        String dump = ReferenceReaders.h5dumpOk(file, "-A");
        assertTrue(dump.contains("STRSIZE 14;") && dump.contains("STRPAD H5T_STR_NULLPAD;"), dump);
        // h5dump shows the NUL padding of the shorter values
        assertTrue(dump.contains("(0): \"dense/kernel:0\",") && dump.contains("(1): \"b\\000\\000")
                && dump.contains("(2): \"dense/bias:0\\000\\000\""), dump);

        JsonNode attrs = ReferenceReaders.h5py(file).get("/").get("attrs");
        JsonNode weightNames = attrs.get("weight_names");
        assertEquals("|S14", weightNames.get("dtype").asText());
        assertEquals(names, texts(weightNames.get("values"), "bytes"));
        assertEquals("bytes", attrs.get("scalar").get("pytype").asText());
        assertEquals("tensorflow", attrs.get("scalar").get("value").asText());
        assertEquals("[0]", attrs.get("empty").get("shape").toString());

        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(names, List.of((String[]) hdf.getAttribute("weight_names").getData()));
            assertEquals("tensorflow", hdf.getAttribute("scalar").getData());
        }
    }

    @Test
    void variableLengthAsciiAndUtf8StringsKeepNonAsciiTextAndComeBackAsStr() throws IOException {
        String text = "Grüße, 世界 🙂 — ok";
        List<String> names = List.of("ascii_name", "ünïcödé", "", "日本語/層");
        Path file = TestFiles.write(dir.resolve("utf8.h5"), root -> {
            root.attribute("scalar_utf8", AttributeValue.string(text, StringEncoding.VLEN_UTF8));
            root.attribute("array_utf8", AttributeValue.strings(names, StringEncoding.VLEN_UTF8));
            root.attribute("array_ascii", AttributeValue.strings(List.of("a", "bc", ""), StringEncoding.VLEN_ASCII));
            root.attribute("empty_array", AttributeValue.strings(List.of(), StringEncoding.VLEN_UTF8));
            root.attribute("名前", AttributeValue.string("value", StringEncoding.VLEN_UTF8));
            root.group("グループ").attribute("k", AttributeValue.string(text, StringEncoding.VLEN_UTF8));
        });

        String dump = ReferenceReaders.h5dumpOk(file);
        assertTrue(dump.contains("CSET H5T_CSET_UTF8;") && dump.contains("STRSIZE H5T_VARIABLE;"), dump);
        assertTrue(dump.contains("\"a\", \"bc\", \"\""), dump);

        JsonNode h5py = ReferenceReaders.h5py(file);
        JsonNode attrs = h5py.get("/").get("attrs");
        assertEquals("str", attrs.get("scalar_utf8").get("pytype").asText());
        assertEquals(text, attrs.get("scalar_utf8").get("value").asText());
        assertEquals(names, texts(attrs.get("array_utf8").get("values"), "str"));
        assertEquals(List.of("a", "bc", ""), texts(attrs.get("array_ascii").get("values"), "str"));
        assertEquals("[0]", attrs.get("empty_array").get("shape").toString());
        assertEquals("value", attrs.get("名前").get("value").asText());
        assertEquals(text, h5py.get("/グループ").get("attrs").get("k").get("value").asText());

        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(text, hdf.getAttribute("scalar_utf8").getData());
            assertEquals(names, List.of((String[]) hdf.getAttribute("array_utf8").getData()));
            assertEquals(text, hdf.getChild("グループ").getAttribute("k").getData());
        }
    }

    @Test
    void namesLongerThan255BytesAreStoredWithWiderLengthFields() throws IOException {
        String longGroup = "g".repeat(300);
        String longDataset = "d".repeat(1000);
        String longAttribute = "a".repeat(400);
        Path file = TestFiles.write(dir.resolve("long_names.h5"), root -> {
            GroupWriter group = root.group(longGroup);
            group.attribute(longAttribute, AttributeValue.string("v", StringEncoding.VLEN_UTF8));
            group.dataset(longDataset, "int8", new long[] {1}, source(new byte[] {7}));
            assertThrows(IllegalArgumentException.class, () -> group.group("x".repeat(70_000)));
        });

        ReferenceReaders.h5dumpOk(file, "-H");
        JsonNode h5py = ReferenceReaders.h5py(file);
        assertEquals("v", h5py.get("/" + longGroup).get("attrs").get(longAttribute).get("value").asText());
        assertEquals("[7]", h5py.get("/" + longGroup + "/" + longDataset).get("values").toString());
        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(List.of("7"), JhdfValues.asText(hdf.getDatasetByPath("/" + longGroup + "/" + longDataset).getData()));
        }
    }

    @Test
    void aSourceStartingAnotherDatasetOrAnAppendModeChannelIsRefused() throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve("nested.h5"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Hdf5Writer writer = new Hdf5Writer(channel);
            IOException error = assertThrows(IOException.class, () -> writer.root().dataset("outer", "int8", new long[] {1},
                    out -> writer.root().dataset("inner", "int8", new long[] {1}, source(new byte[1]))));
            assertTrue(error.getMessage().contains("while another dataset's source is writing"), error.getMessage());
        }
        Path appended = dir.resolve("append.h5");
        Files.write(appended, new byte[100]);
        try (FileChannel channel = FileChannel.open(appended, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            Hdf5Writer writer = new Hdf5Writer(channel);
            IOException error = assertThrows(IOException.class,
                    () -> writer.root().dataset("x", "int8", new long[] {1}, source(new byte[1])));
            assertTrue(error.getMessage().contains("APPEND"), error.getMessage());
        }
    }

    @Test
    void emptyFloat64ArrayAttributeIsReadAsAnEmptyFloat64Array() throws IOException {
        Path file = TestFiles.write(dir.resolve("empty_attr.h5"),
                root -> root.group("dropout").attribute("weight_names", AttributeValue.emptyFloat64Array()));

        String dump = ReferenceReaders.h5dumpOk(file, "-A");
        assertTrue(dump.contains("H5T_IEEE_F64LE") && dump.contains("SIMPLE { ( 0 ) / ( 0 ) }"), dump);

        JsonNode weightNames = ReferenceReaders.h5py(file).get("/dropout").get("attrs").get("weight_names");
        assertEquals("ndarray", weightNames.get("pytype").asText());
        assertEquals("float64", weightNames.get("dtype").asText());
        assertEquals("[0]", weightNames.get("shape").toString());

        try (HdfFile hdf = new HdfFile(file)) {
            Attribute attribute = hdf.getByPath("/dropout").getAttribute("weight_names");
            assertTrue(attribute.isEmpty());
            assertArrayEquals(new int[] {0}, attribute.getDimensions());
        }
    }

    @Test
    void numericAttributesOfSeveralDtypesAndRanksAreReadBack() throws IOException {
        Path file = TestFiles.write(dir.resolve("numeric_attrs.h5"), root -> {
            root.attribute("epoch", new AttributeValue.Numeric("int64", new long[] {}, integers(8, 42)));
            root.attribute("matrix", new AttributeValue.Numeric("float32", new long[] {2, 2}, floats(1, 2, 3, 4.5f)));
            root.attribute("flags", new AttributeValue.Numeric("uint8", new long[] {3}, integers(1, 1, 2, 255)));
        });

        ReferenceReaders.h5dumpOk(file, "-A");
        JsonNode attrs = ReferenceReaders.h5py(file).get("/").get("attrs");
        assertEquals("int64", attrs.get("epoch").get("pytype").asText());
        assertEquals(42, attrs.get("epoch").get("value").asInt());
        assertEquals("[2,2]", attrs.get("matrix").get("shape").toString());
        assertEquals("[1.0,2.0,3.0,4.5]", attrs.get("matrix").get("values").toString());
        assertEquals("[1,2,255]", attrs.get("flags").get("values").toString());

        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(List.of("1", "2", "3", "4.5"), JhdfValues.asText(hdf.getAttribute("matrix").getData()));
            assertEquals(List.of("42"), JhdfValues.asText(hdf.getAttribute("epoch").getData()));
        }
    }

    @Test
    void rootOnlyFileWithoutChildrenOrAttributesIsValid() throws IOException {
        Path file = TestFiles.write(dir.resolve("root_only.h5"), root -> { });

        assertTrue(ReferenceReaders.h5dumpOk(file).contains("GROUP \"/\" {"));
        JsonNode h5py = ReferenceReaders.h5py(file);
        assertEquals("[]", h5py.get("/").get("children").toString());
        try (HdfFile hdf = new HdfFile(file)) {
            assertTrue(hdf.getChildren().isEmpty());
        }
    }

    @Test
    void emptyGroupsFirstMiddleLastAndNestedAreAllKept() throws IOException {
        Path file = TestFiles.write(dir.resolve("empty_groups.h5"), root -> {
            root.group("a_empty_first");
            root.group("b_full").dataset("w", "float32", new long[] {1}, source(floats(1)));
            root.group("c_empty_middle");
            GroupWriter d = root.group("d_full");
            d.group("nested_empty_first");
            d.dataset("w", "float32", new long[] {1}, source(floats(2)));
            d.groupPath("deep/er/still/empty");
            root.group("e_empty_last");
        });

        ReferenceReaders.h5dumpOk(file);
        String header = ReferenceReaders.h5dumpOk(file, "-H");
        for (String group : List.of("a_empty_first", "c_empty_middle", "e_empty_last", "nested_empty_first", "empty")) {
            assertTrue(header.contains("GROUP \"" + group + "\""), group);
        }

        JsonNode h5py = ReferenceReaders.h5py(file);
        assertEquals("[\"a_empty_first\",\"b_full\",\"c_empty_middle\",\"d_full\",\"e_empty_last\"]",
                h5py.get("/").get("children").toString());
        assertEquals("[]", h5py.get("/e_empty_last").get("children").toString());
        assertEquals("[]", h5py.get("/d_full/deep/er/still/empty").get("children").toString());
        assertEquals("[2.0]", h5py.get("/d_full/w").get("values").toString());

        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(5, hdf.getChildren().size());
            assertTrue(((Group) hdf.getByPath("/e_empty_last")).getChildren().isEmpty());
            assertTrue(((Group) hdf.getByPath("/d_full/deep/er/still/empty")).getChildren().isEmpty());
            assertEquals(List.of("2"), JhdfValues.asText(hdf.getDatasetByPath("/d_full/w").getData()));
        }
    }

    @Test
    void thousandsOfGroupsInOneGroupAndAHundredLevelsOfNesting() throws IOException {
        int groups = 3000;
        Path file = TestFiles.write(dir.resolve("many_groups.h5"), root -> {
            GroupWriter layers = root.group("layers");
            for (int i = 0; i < groups; i++) {
                GroupWriter layer = layers.group(String.format("layer_%04d", i));
                if (i % 100 == 0) {
                    layer.dataset("w", "int32", new long[] {1}, source(integers(4, i)));
                }
            }
            GroupWriter deep = root;
            for (int i = 0; i < 100; i++) {
                deep = deep.group("level" + i);
            }
            deep.attribute("bottom", AttributeValue.string("reached", StringEncoding.VLEN_UTF8));
        });

        ReferenceReaders.h5dumpOk(file, "-H");
        JsonNode h5py = ReferenceReaders.h5py(file);
        assertEquals(groups, h5py.get("/layers").get("children").size());
        assertEquals("[2900]", h5py.get("/layers/layer_2900/w").get("values").toString());
        String deepPath = "/" + String.join("/", IntStream.range(0, 100).mapToObj(i -> "level" + i).toList());
        assertEquals("reached", h5py.get(deepPath).get("attrs").get("bottom").get("value").asText());

        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(groups, ((Group) hdf.getByPath("/layers")).getChildren().size());
            assertEquals(List.of("2900"), JhdfValues.asText(hdf.getDatasetByPath("/layers/layer_2900/w").getData()));
            assertEquals("reached", hdf.getByPath(deepPath).getAttribute("bottom").getData());
        }
    }

    @Test
    void layerNamesWithThousandsOfEntriesAndHeapsBeyondOneCollection() throws IOException {
        List<String> layerNames = IntStream.range(0, 3500).mapToObj(i -> "layer_with_a_long_name_" + i).toList();
        // 20 attributes x 3,500 strings = 70,000 heap objects: more than one collection can index
        Path file = TestFiles.write(dir.resolve("layer_names.h5"), root -> {
            GroupWriter weights = root.group("model_weights");
            weights.attribute("layer_names", AttributeValue.strings(layerNames, StringEncoding.VLEN_ASCII));
            for (int i = 0; i < 20; i++) {
                root.group("copies").attribute("names" + i, AttributeValue.strings(layerNames, StringEncoding.VLEN_UTF8));
            }
        });

        ReferenceReaders.h5dumpOk(file, "-A");
        JsonNode h5py = ReferenceReaders.h5py(file);
        assertEquals(layerNames, texts(h5py.get("/model_weights").get("attrs").get("layer_names").get("values"), "str"));
        assertEquals(layerNames, texts(h5py.get("/copies").get("attrs").get("names19").get("values"), "str"));

        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(layerNames, List.of((String[]) hdf.getByPath("/model_weights").getAttribute("layer_names").getData()));
            assertEquals(layerNames, List.of((String[]) hdf.getByPath("/copies").getAttribute("names19").getData()));
        }
    }

    @Test
    void hundredsOfAttributesOnOneObjectAndReplacedAttributes() throws IOException {
        Path file = TestFiles.write(dir.resolve("many_attrs.h5"), root -> {
            GroupWriter group = root.group("g");
            for (int i = 0; i < 400; i++) {
                group.attribute("attr" + i, AttributeValue.string("value " + i, StringEncoding.VLEN_UTF8));
            }
            group.attribute("attr7", AttributeValue.string("replaced", StringEncoding.FIXED_ASCII));
        });

        ReferenceReaders.h5dumpOk(file, "-A");
        JsonNode g = ReferenceReaders.h5py(file).get("/g");
        assertEquals(400, g.get("attr_count").asInt(), "len(attrs), counted by the library");
        JsonNode attrs = g.get("attrs");
        assertEquals(400, attrs.size());
        assertEquals("value 399", attrs.get("attr399").get("value").asText());
        assertEquals("bytes", attrs.get("attr7").get("pytype").asText());
        assertEquals("replaced", attrs.get("attr7").get("value").asText());

        try (HdfFile hdf = new HdfFile(file)) {
            Map<String, Attribute> attributes = hdf.getByPath("/g").getAttributes();
            assertEquals(400, attributes.size());
            assertEquals("replaced", attributes.get("attr7").getData());
        }
    }

    @Test
    void sourceWritingTooFewBytesFailsWithAReadableMessageAndTheWriterStops() throws IOException {
        Path file = dir.resolve("short.h5");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Hdf5Writer writer = new Hdf5Writer(channel);
            IOException error = assertThrows(IOException.class, () -> writer.root()
                    .dataset("kernel", "float32", new long[] {2, 3}, source(floats(1, 2, 3))));
            assertTrue(error.getMessage().contains("/kernel") && error.getMessage().contains("12 bytes")
                    && error.getMessage().contains("24 bytes"), error.getMessage());

            IOException next = assertThrows(IOException.class, () -> writer.root()
                    .dataset("bias", "float32", new long[] {1}, source(floats(1))));
            assertTrue(next.getMessage().contains("earlier write failed"), next.getMessage());
            assertThrows(IOException.class, writer::close);
        }
        Files.delete(file); // the caller can always clean up
    }

    @Test
    void sourceWritingTooManyBytesOrThrowingFailsWithTheDatasetPath() throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve("long.h5"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Hdf5Writer writer = new Hdf5Writer(channel);
            IOException error = assertThrows(IOException.class, () -> writer.root().group("g")
                    .dataset("x", "int8", new long[] {2}, source(new byte[3])));
            assertTrue(error.getMessage().contains("/g/x") && error.getMessage().contains("wrote 3 bytes"), error.getMessage());
        }
        try (FileChannel channel = FileChannel.open(dir.resolve("throws.h5"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Hdf5Writer writer = new Hdf5Writer(channel);
            IOException error = assertThrows(IOException.class, () -> writer.root().dataset("x", "int8", new long[] {2},
                    out -> {
                        out.write(ByteBuffer.wrap(new byte[1]));
                        throw new IOException("disk on fire");
                    }));
            assertTrue(error.getMessage().contains("/x") && error.getMessage().contains("disk on fire")
                    && error.getMessage().contains("after 1 of 2 bytes"), error.getMessage());
        }
    }

    @Test
    void invalidDtypesShapesAndNamesAreRejectedBeforeAnythingIsWritten() throws IOException {
        Path file = TestFiles.write(dir.resolve("after_rejections.h5"), root -> {
            IOException dtype = assertThrows(IOException.class,
                    () -> root.dataset("c", "complex64", new long[] {1}, source(new byte[8])));
            assertTrue(dtype.getMessage().contains("complex64") && dtype.getMessage().contains("bfloat16"), dtype.getMessage());
            assertThrows(IOException.class, () -> root.dataset("neg", "float32", new long[] {-1}, source(new byte[0])));
            assertThrows(IOException.class, () -> root.dataset("a/b", "float32", new long[] {1}, source(new byte[4])));
            root.group("taken");
            IOException duplicate = assertThrows(IOException.class,
                    () -> root.dataset("taken", "float32", new long[] {1}, source(new byte[4])));
            assertTrue(duplicate.getMessage().contains("/taken"), duplicate.getMessage());
            root.dataset("d", "float32", new long[] {1}, source(floats(5)));
            assertThrows(IllegalArgumentException.class, () -> root.group("d"));
            assertThrows(IllegalArgumentException.class, () -> root.group(""));
            assertThrows(IllegalArgumentException.class, () -> root.attribute("", AttributeValue.string("x", StringEncoding.VLEN_UTF8)));
            IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> root.attribute("cfg",
                    AttributeValue.string("x".repeat(70_000), StringEncoding.FIXED_ASCII)));
            assertTrue(tooBig.getMessage().contains("VLEN"), tooBig.getMessage());
            assertThrows(IllegalArgumentException.class, () -> root.attribute("n",
                    new AttributeValue.Numeric("float64", new long[] {2}, new byte[8])));
            assertTrue(root.group("taken") == root.groupPath("/taken/"));
        });

        // the rejected calls left the file intact and complete
        JsonNode h5py = ReferenceReaders.h5py(file);
        assertEquals("[\"d\",\"taken\"]", h5py.get("/").get("children").toString());
        assertEquals("[5.0]", h5py.get("/d").get("values").toString());
        assertEquals("{}", h5py.get("/").get("attrs").toString());
    }

    @Test
    void aReadOnlyChannelIsReportedAsAnIOException() throws IOException {
        Path file = dir.resolve("read_only.h5");
        Files.write(file, new byte[0]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            IOException error = assertThrows(IOException.class, () -> new Hdf5Writer(channel));
            assertTrue(error.getMessage().contains("not open for writing"), error.getMessage());
        }
    }

    @Test
    void closingTwiceIsHarmlessAndUseAfterCloseIsRefused() throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve("closed.h5"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Hdf5Writer writer = new Hdf5Writer(channel);
            GroupWriter root = writer.root();
            writer.close();
            long size = channel.size();
            writer.close();
            assertEquals(size, channel.size());
            assertEquals(size, writer.bytesWritten());
            assertThrows(IllegalStateException.class, () -> root.group("late"));
            assertThrows(IllegalStateException.class, () -> root.dataset("late", "float32", new long[] {1}, source(new byte[4])));
        }
    }

    @Test
    void anOlderLongerFileInTheChannelIsCutToTheNewEnd() throws IOException {
        Path file = dir.resolve("reused.h5");
        Files.write(file, new byte[1 << 20]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                Hdf5Writer writer = new Hdf5Writer(channel)) {
            writer.root().dataset("x", "float64", new long[] {1}, source(doubles(2.5)));
        }
        assertTrue(Files.size(file) < 4096 + 1024, "size " + Files.size(file));
        assertEquals("[2.5]", ReferenceReaders.h5py(file).get("/x").get("values").toString());
        try (HdfFile hdf = new HdfFile(file)) {
            assertNull(hdf.getAttribute("_jHDF"));
        }
    }

    private static String modelConfigOfSize(int size) {
        StringBuilder config = new StringBuilder("{\"class_name\": \"Functional\", \"config\": {\"layers\": [");
        int i = 0;
        while (config.length() < size) {
            config.append("{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense_").append(i++)
                    .append("\", \"units\": 64, \"activation\": \"relu\"}}, ");
        }
        return config.append("{}]}}").toString();
    }

    private static List<String> decimals(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(JhdfValues.decimal(v.asText())));
        return out;
    }

    private static List<String> texts(JsonNode elements, String pytype) {
        List<String> out = new ArrayList<>();
        elements.forEach(e -> {
            assertEquals(pytype, e.get("pytype").asText());
            out.add(e.get("value").asText());
        });
        return out;
    }
}
