package dev.kerasview.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.TestEnvironment;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The classic-layout reader gives, for every HDF5 file Keras and h5py wrote in the fixtures and
 * the corpus, exactly the tree the jhdf walk gives; and it hands what it does not read to jhdf.
 */
class ClassicLayoutReaderTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    /** Files h5py wrote with make_layout_samples.py (in that folder). */
    private static final Path LAYOUTS = Path.of("src/test/resources/hdf5-layouts");

    @Test
    void everyAttributeTypeH5pyWritesIsDecodedAsJhdfDecodesIt() throws IOException {
        List<String> differ = new ArrayList<>();
        List<String> notClassic = new ArrayList<>();
        for (String f : List.of("attributes.h5", "links.h5")) {
            compare(f, Files.readAllBytes(LAYOUTS.resolve(f)), differ, notClassic);
        }
        assertEquals(List.of(), differ);
        assertEquals(List.of(), notClassic);
        try (HdfFile hdf = new HdfFile(LAYOUTS.resolve("attributes.h5"))) {
            Map<String, Object> a = ClassicLayoutReader.read(hdf).root().find("layers/dense")
                    .orElseThrow().attributes();
            // the values h5py was given (make_layout_samples.py)
            assertEquals(List.of(-1L, 2L, 100L), a.get("array_int8"));
            assertEquals(List.of(1L, 2L, 100L), a.get("array_uint32"));
            assertEquals(List.of(-1.0, 2.0, 100.0), a.get("array_be_f8"));
            assertEquals((short) 7, a.get("scalar_int16"));
            assertEquals(7, a.get("scalar_uint16"));
            assertEquals(List.of("kernel:0", "bias:0", ""), a.get("fixed_bytes_array"));
            assertEquals("caf\u00e9 \u2192 \u4e2d", a.get("vlen_str_utf8"));
            assertEquals(List.of("a", "", "ccc"), a.get("vlen_str_array"));
            assertEquals(List.of(), a.get("empty"));
            assertEquals(List.of(), a.get("empty_array"));
            assertEquals("abc", a.get("space_padded"));
            assertEquals("abc", a.get("null_terminated"));
        }
    }

    @Test
    void linksAreReportedAndCommittedTypesSkippedAsJhdfDoes() throws IOException {
        try (HdfFile hdf = new HdfFile(LAYOUTS.resolve("links.h5"))) {
            H5Tree tree = ClassicLayoutReader.read(hdf);
            dev.kerasview.model.H5Group layer = tree.root().find("model/layer").orElseThrow();
            assertEquals("'soft' is a link, which Keras refuses", layer.problem());
            assertTrue(layer.group("up").orElseThrow().problem().contains("a hard link to '/model'"));
            assertEquals(List.of("model"), tree.root().groups().stream()
                    .map(dev.kerasview.model.H5Group::key).toList());
        }
    }

    @Test
    void layoutsOnlyJhdfReadsAreLeftToIt() throws IOException {
        for (String f : List.of("chunked.h5", "compact.h5", "latest.h5", "attribute-2d.h5",
                "bool-attribute.h5")) {
            try (HdfFile hdf = new HdfFile(LAYOUTS.resolve(f))) {
                assertThrows(ClassicLayoutReader.NotClassic.class, () -> ClassicLayoutReader.read(hdf), f);
                H5Tree tree = H5TreeReader.read(hdf);
                assertEquals(H5TreeReader.readThroughJhdf(hdf), tree, f);
                assertTrue(tree.root().find("layer/vars").isPresent(), f);
            }
        }
    }

    @Test
    void everyKerasFixtureIsReadByTheClassicReaderWithTheTreeJhdfGives() throws IOException {
        Map<String, byte[]> files = hdf5Files(FIXTURES);
        assertTrue(files.size() > 40, "fixtures found: " + files.size());
        List<String> differ = new ArrayList<>();
        List<String> notClassic = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            compare(f.getKey(), f.getValue(), differ, notClassic);
        }
        System.out.printf("fixtures: %d HDF5 files, %d read by jhdf instead%n", files.size(), notClassic.size());
        assertEquals(List.of(), firstFew(differ));
        // Keras 3.15.1 and h5py write nothing else: every fixture takes the fast path
        assertEquals(List.of(), notClassic);
    }

    @Test
    void everyCorpusFileGivesTheTreeJhdfGives() throws IOException {
        Path corpus = TestEnvironment.assumeCorpus("MANIFEST.tsv").getParent();
        Map<String, byte[]> files = hdf5Files(corpus);
        List<String> differ = new ArrayList<>();
        List<String> notClassic = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            compare(f.getKey(), f.getValue(), differ, notClassic);
        }
        System.out.printf("corpus: %d HDF5 files, %d read by jhdf instead: %s%n", files.size(),
                notClassic.size(), notClassic);
        assertTrue(files.size() > 40, "corpus HDF5 files found: " + files.size());
        assertEquals(List.of(), firstFew(differ));
        assertTrue(notClassic.size() < files.size() / 4, "most real files take the fast path");
    }

    private static List<String> firstFew(List<String> problems) {
        return problems.size() <= 5 ? problems : List.of(problems.size() + " files, the first: "
                + String.join("; ", problems.subList(0, 5)));
    }

    private static void compare(String name, byte[] bytes, List<String> differ, List<String> notClassic) {
        H5Tree fast;
        try (HdfFile hdf = HdfFile.fromByteBuffer(ByteBuffer.wrap(bytes))) {
            fast = ClassicLayoutReader.read(hdf);
        } catch (ClassicLayoutReader.NotClassic e) {
            notClassic.add(name + " (" + e.getMessage() + ")");
            return;
        } catch (RuntimeException e) {
            differ.add(name + ": classic reader failed: " + e);
            return;
        }
        try (HdfFile hdf = HdfFile.fromByteBuffer(ByteBuffer.wrap(bytes))) {
            H5Tree slow = H5TreeReader.readThroughJhdf(hdf);
            if (!slow.equals(fast)) {
                differ.add(name + ": " + firstDifference(slow.root(), fast.root()));
            }
        }
    }

    private static String firstDifference(dev.kerasview.model.H5Group a, dev.kerasview.model.H5Group b) {
        if (!a.attributes().equals(b.attributes())) {
            return "/" + a.path() + " attributes " + a.attributes() + " vs " + b.attributes();
        }
        if (!a.datasets().equals(b.datasets())) {
            return "/" + a.path() + " datasets " + a.datasets() + " vs " + b.datasets();
        }
        if (a.groups().size() != b.groups().size() || !java.util.Objects.equals(a.problem(), b.problem())) {
            return "/" + a.path() + " groups " + a.groups().size() + " vs " + b.groups().size()
                    + ", problem " + a.problem() + " vs " + b.problem();
        }
        for (int i = 0; i < a.groups().size(); i++) {
            if (!a.groups().get(i).equals(b.groups().get(i))) {
                return firstDifference(a.groups().get(i), b.groups().get(i));
            }
        }
        return "dataset locations differ";
    }

    @Test
    void aTruncatedFileIsLeftToJhdfWhichSaysWhatIsWrong() throws IOException {
        byte[] whole = Files.readAllBytes(FIXTURES.resolve("cnn/cnn.weights.h5"));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        try (HdfFile hdf = HdfFile.fromByteBuffer(ByteBuffer.wrap(cut))) {
            assertThrows(RuntimeException.class, () -> ClassicLayoutReader.read(hdf));
            H5Tree tree = H5TreeReader.read(hdf);
            assertEquals(H5TreeReader.readThroughJhdf(hdf), tree);
        }
    }

    @Test
    void aDeclaredLengthBeyondTheFileFailsAsAnErrorWithoutAllocatingIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        byte[] bytes = Files.readAllBytes(FIXTURES.resolve("cnn/cnn.weights.h5"));
        long root;
        try (HdfFile hdf = HdfFile.fromByteBuffer(ByteBuffer.wrap(bytes))) {
            root = hdf.getAddress() + hdf.getUserBlockSize();
        }
        // the root object header's size field: 2 GB - 16, far past this file's end
        ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int) root + 8, Integer.MAX_VALUE - 15);
        Path forged = dir.resolve("forged.h5");
        Files.write(forged, bytes);
        // a file on disk is read through a channel: a 2 GB length there would be allocated
        try (HdfFile hdf = new HdfFile(forged)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> ClassicLayoutReader.read(hdf));
            assertTrue(e.getMessage().contains("run past the end of the file"), e.getMessage());
        }
    }

    /** Every HDF5 file under {@code root}, and the weights store inside every .keras archive. */
    private static Map<String, byte[]> hdf5Files(Path root) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        List<Path> paths;
        try (Stream<Path> s = Files.walk(root)) {
            paths = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : paths) {
            String name = root.relativize(p).toString();
            if (name.endsWith(".keras")) {
                byte[] h5 = weightsOf(p);
                if (h5 != null) {
                    out.put(name + "!model.weights.h5", h5);
                }
            } else if (isHdf5(p)) {
                out.put(name, Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static boolean isHdf5(Path p) throws IOException {
        if (Files.size(p) < 8 || Files.size(p) > 256L * 1024 * 1024) {
            return false;
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] sig = in.readNBytes(8);
            return sig[0] == (byte) 0x89 && sig[1] == 'H' && sig[2] == 'D' && sig[3] == 'F';
        }
    }

    private static byte[] weightsOf(Path archive) {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals("model.weights.h5")) {
                    return z.readAllBytes();
                }
            }
        } catch (IOException e) {
            // not a readable zip: nothing to compare
        }
        return null;
    }
}
