package dev.kerasview.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kerasview.TestEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted hostile inputs, each its own test, each diagnosed by kerasview in a child JVM with a
 * 256 MB heap: a clear answer within the time limit, no stack trace, nothing written outside the
 * tool's own temporary folder (which it empties), no pickle ever run.
 */
class HostileFilesTest {

    @TempDir
    Path work;

    private HostileRun hostile;

    private HostileRun hostile() throws IOException {
        if (hostile == null) {
            hostile = new HostileRun(work);
        }
        return hostile;
    }

    private static byte[] fixture(String relative) throws IOException {
        return Files.readAllBytes(FuzzFixtures.file(relative));
    }

    /** Runs diagnose on the file and returns the run for the verdict checks. */
    private HostileRun.Result diagnose(Path file) throws IOException, InterruptedException {
        return hostile().run("diagnose", file.toString(), "--json");
    }

    private static void assertClearVerdict(HostileRun.Result r) {
        List<String> problems = r.verdictProblems();
        assertTrue(problems.isEmpty(), problems + " — " + r);
    }

    private static JsonNode verdict(HostileRun.Result r) throws IOException {
        return new ObjectMapper().readTree(r.outcome().out());
    }

    private static boolean anyFindingMentions(JsonNode verdict, String... words) {
        for (JsonNode f : verdict.path("findings")) {
            String text = f.toString().toLowerCase();
            for (String w : words) {
                if (text.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- zip archives ------------------------------------------------------------------------

    @Test
    void zipBombWhoseHeadersDeclareSizesFarBeyondTheStoredBytes() throws Exception {
        byte[] mlp = fixture("mlp/mlp.keras");
        byte[] config = ArchiveRewriter.read(mlp, "config.json");
        byte[] deflated = deflate(config);
        CRC32 crc = new CRC32();
        crc.update(config);
        RawZip zip = new RawZip()
                .add("metadata.json", ArchiveRewriter.read(mlp, "metadata.json"))
                .add(new RawZip.Entry("config.json".getBytes(StandardCharsets.UTF_8), deflated, 8, crc.getValue(),
                        deflated.length, 0xFFFF_FFF0L, 0))
                .add("model.weights.h5", ArchiveRewriter.read(mlp, "model.weights.h5"));
        assertClearVerdict(diagnose(hostile().input("declared_bomb.keras", zip.build())));
    }

    @Test
    void zipBombThatReallyInflatesToHundredsOfMegabytes() throws Exception {
        byte[] mlp = fixture("mlp/mlp.keras");
        // 300 MB of spaces before the real config: valid JSON, deflated about 1000:1
        long spaces = 300L << 20;
        CRC32 crc = new CRC32();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(9, true);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (long i = 0; i < spaces; i += block.length) {
                out.write(block);
                crc.update(block);
            }
            byte[] config = ArchiveRewriter.read(mlp, "config.json");
            out.write(config);
            crc.update(config);
        }
        deflater.end();
        long size = spaces + ArchiveRewriter.read(mlp, "config.json").length;
        RawZip zip = new RawZip()
                .add("metadata.json", ArchiveRewriter.read(mlp, "metadata.json"))
                .add(new RawZip.Entry("config.json".getBytes(StandardCharsets.UTF_8), compressed.toByteArray(), 8,
                        crc.getValue(), compressed.size(), size, 0))
                .add("model.weights.h5", ArchiveRewriter.read(mlp, "model.weights.h5"));
        byte[] bytes = zip.build();
        assertTrue(bytes.length < 2 << 20, "the bomb is small on disk: " + bytes.length);
        assertClearVerdict(diagnose(hostile().input("real_bomb.keras", bytes)));
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(9, true);
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater)) {
            d.write(data);
        }
        deflater.end();
        return out.toByteArray();
    }

    @Test
    void entryNamesWithParentTraversalAndAbsolutePathsAreNeverExtracted() throws Exception {
        String absolute = "/tmp/kerasview-fuzz-" + UUID.randomUUID() + ".txt";
        byte[] payload = "escaped\n".getBytes(StandardCharsets.UTF_8);
        byte[] zip = RawZip.copyOf(fixture("mlp/mlp.keras"))
                .add("../escaped_parent.txt", payload)
                .add("../../escaped_grandparent.txt", payload)
                .add("assets/../../escaped_assets.txt", payload)
                .add("assets/..\\..\\escaped_backslash.txt", payload)
                .add(absolute, payload)
                .add("C:/escaped_drive.txt", payload)
                .build();
        Path file = hostile().input("traversal.keras", zip);
        List<String> escapes = List.of("escaped_parent.txt", "escaped_grandparent.txt", "escaped_assets.txt",
                "escaped_drive.txt", "escaped_backslash.txt");
        HostileRun.Result stats = hostile().run("inspect", file.toString(), "--json", "--stats");
        assertTrue(VerdictRules.inspectProblems(stats.outcome(), HostileRun.LIMIT).isEmpty(), stats.toString());
        assertTrue(stats.memoryAndSideEffects().isEmpty(), stats.toString());
        Path out = Files.createDirectories(work.resolve("out"));
        HostileRun.Result convert = hostile().run("convert", file.toString(), "--to", "h5", "-o", out.resolve("t.h5").toString());
        assertTrue(VerdictRules.noStackTrace(convert.outcome()).isEmpty(), convert.toString());
        assertTrue(convert.memoryAndSideEffects().isEmpty(), convert.toString());
        assertNothingEscaped(absolute, escapes);
        assertClearVerdict(diagnose(file));
        assertNothingEscaped(absolute, escapes);
    }

    private void assertNothingEscaped(String absolute, List<String> names) throws IOException {
        assertFalse(Files.exists(Path.of(absolute)), "wrote " + absolute);
        for (Path p = hostile().inputs(); p != null; p = p.getParent()) {
            for (String name : names) {
                assertFalse(Files.exists(p.resolve(name)), "wrote " + p.resolve(name));
            }
        }
    }

    @Test
    void duplicateEntriesOfTheAdversarialCorpusArchiveAreNotUnpickled() throws Exception {
        Path evil = TestEnvironment.assumeCorpus("files/evil_keras/model.keras");
        Path copy = hostile().input("model.keras", Files.readAllBytes(evil));
        HostileRun.Result r = diagnose(copy);
        assertClearVerdict(r);
        JsonNode v = verdict(r);
        // Keras 3.15.1: "Cannot load file containing pickled data when allow_pickle=False"
        assertFalse(v.path("loads").asBoolean(), r.toString());
        assertTrue(anyFindingMentions(v, "npz", "pickle"), "no finding names the npz/pickle weights: " + v);
    }

    @Test
    void duplicateConfigJsonEntriesGetAVerdict() throws Exception {
        byte[] mlp = fixture("mlp/mlp.keras");
        byte[] zip = RawZip.copyOf(mlp)
                .add("config.json", "{\"class_name\": \"Sequential\", \"config\": {\"layers\": 7}}".getBytes(StandardCharsets.UTF_8))
                .add("model.weights.h5", "not an HDF5 file".getBytes(StandardCharsets.UTF_8))
                .build();
        assertClearVerdict(diagnose(hostile().input("duplicates.keras", zip)));
    }

    @Test
    void npzWeightsCarryingAPicklePayloadAreNeverDeserialized() throws Exception {
        Path marker = work.resolve("pickle-ran-" + UUID.randomUUID());
        byte[] pickle = ("cos\nsystem\n(S'touch " + marker + "'\ntR.").getBytes(StandardCharsets.US_ASCII);
        byte[] npy = npyObjectArray(pickle);
        byte[] npz = new RawZip().add("layers.npy", npy).add("vars.npy", npy).build();
        byte[] mlp = fixture("mlp/mlp.keras");
        byte[] zip = new RawZip()
                .add("metadata.json", ArchiveRewriter.read(mlp, "metadata.json"))
                .add("config.json", ArchiveRewriter.read(mlp, "config.json"))
                .add("model.weights.npz", npz)
                .add("model.weights.npz", pickle)
                .build();
        Path file = hostile().input("pickled.keras", zip);
        HostileRun.Result inspect = hostile().run("inspect", file.toString(), "--json", "--stats");
        assertTrue(VerdictRules.inspectProblems(inspect.outcome(), HostileRun.LIMIT).isEmpty(), inspect.toString());
        Path out = Files.createDirectories(work.resolve("out"));
        HostileRun.Result convert = hostile().run("convert", file.toString(), "--to", "h5", "-o", out.resolve("p.h5").toString());
        assertTrue(VerdictRules.noStackTrace(convert.outcome()).isEmpty(), convert.toString());
        assertFalse(Files.exists(marker), "the pickle payload ran");
        HostileRun.Result r = diagnose(file);
        assertClearVerdict(r);
        assertFalse(verdict(r).path("loads").asBoolean(), "npz weights cannot load in Keras >= 3.9: " + r);
        assertFalse(Files.exists(marker), "the pickle payload ran");
    }

    /** A NumPy .npy file holding a 0-d object array, whose data is a pickle. */
    private static byte[] npyObjectArray(byte[] pickle) {
        String header = "{'descr': '|O', 'fortran_order': False, 'shape': (), }";
        int total = 10 + header.length() + 1;
        header = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + pickle.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).put(pickle);
        return b.array();
    }

    @Test
    void configJsonDeclaredAsTwoGigabytesInTheHeaders() throws Exception {
        byte[] mlp = fixture("mlp/mlp.keras");
        byte[] small = "{}".getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(small);
        byte[] zip = new RawZip()
                .add("metadata.json", ArchiveRewriter.read(mlp, "metadata.json"))
                .add(new RawZip.Entry("config.json".getBytes(StandardCharsets.UTF_8), small, 0, crc.getValue(),
                        0x8000_0000L, 0x8000_0000L, 0))
                .add("model.weights.h5", ArchiveRewriter.read(mlp, "model.weights.h5"))
                .build();
        assertClearVerdict(diagnose(hostile().input("declared_2gb.keras", zip)));
    }

    @Test
    void configJsonOfTwoRealGigabytesInASparseFile() throws Exception {
        byte[] mlp = fixture("mlp/mlp.keras");
        Path file = hostile().inputs().resolve("sparse_2gb.keras");
        long size = 0x8000_0000L;
        writeSparseArchive(file, size, ArchiveRewriter.read(mlp, "metadata.json"), ArchiveRewriter.read(mlp, "model.weights.h5"));
        assertTrue(Files.size(file) > size, "the archive really holds a 2 GB entry");
        assertClearVerdict(diagnose(file));
    }

    /**
     * An archive whose STORED {@code config.json} is {@code size} zero bytes written as a hole,
     * so it takes no disk space; then the metadata and weights entries and a true central directory.
     */
    private static void writeSparseArchive(Path file, long size, byte[] metadata, byte[] weights) throws IOException {
        CRC32 zeros = new CRC32();
        byte[] block = new byte[1 << 20];
        for (long i = 0; i < size; i += block.length) {
            zeros.update(block);
        }
        String[] names = {"metadata.json", "config.json", "model.weights.h5"};
        long[] sizes = {metadata.length, size, weights.length};
        long[] crcs = {crc(metadata), zeros.getValue(), crc(weights)};
        long[] offsets = new long[3];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            long at = 0;
            for (int i = 0; i < 3; i++) {
                offsets[i] = at;
                byte[] name = names[i].getBytes(StandardCharsets.UTF_8);
                byte[] h = new byte[30];
                LittleEndian.put(h, 0, 4, ZipLayout.LOCAL_HEADER);
                LittleEndian.put(h, 4, 2, 20);
                LittleEndian.put(h, 12, 2, 0x21);
                LittleEndian.put(h, 14, 4, crcs[i]);
                LittleEndian.put(h, 18, 4, sizes[i]);
                LittleEndian.put(h, 22, 4, sizes[i]);
                LittleEndian.put(h, 26, 2, name.length);
                at += ch.write(ByteBuffer.wrap(h), at);
                at += ch.write(ByteBuffer.wrap(name), at);
                if (i == 0) {
                    at += ch.write(ByteBuffer.wrap(metadata), at);
                } else if (i == 1) {
                    at += size; // the hole
                } else {
                    at += ch.write(ByteBuffer.wrap(weights), at);
                }
            }
            long central = at;
            for (int i = 0; i < 3; i++) {
                byte[] name = names[i].getBytes(StandardCharsets.UTF_8);
                byte[] h = new byte[46];
                LittleEndian.put(h, 0, 4, ZipLayout.CENTRAL_HEADER);
                LittleEndian.put(h, 4, 2, 20);
                LittleEndian.put(h, 6, 2, 20);
                LittleEndian.put(h, 14, 2, 0x21);
                LittleEndian.put(h, 16, 4, crcs[i]);
                LittleEndian.put(h, 20, 4, sizes[i]);
                LittleEndian.put(h, 24, 4, sizes[i]);
                LittleEndian.put(h, 28, 2, name.length);
                LittleEndian.put(h, 42, 4, offsets[i]);
                at += ch.write(ByteBuffer.wrap(h), at);
                at += ch.write(ByteBuffer.wrap(name), at);
            }
            byte[] end = new byte[22];
            LittleEndian.put(end, 0, 4, ZipLayout.END_RECORD);
            LittleEndian.put(end, 8, 2, 3);
            LittleEndian.put(end, 10, 2, 3);
            LittleEndian.put(end, 12, 4, at - central);
            LittleEndian.put(end, 16, 4, central);
            ch.write(ByteBuffer.wrap(end), at);
        }
    }

    private static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }

    @Test
    void entryNamesThatAreNotUtf8() throws Exception {
        byte[] mlp = fixture("mlp/mlp.keras");
        byte[] bad = {(byte) 0xFF, (byte) 0xFE, 'c', (byte) 0xC3, (byte) 0x28, '.', 'j', 's', 'o', 'n'};
        byte[] zip = new RawZip()
                .add("metadata.json", ArchiveRewriter.read(mlp, "metadata.json"))
                .add(new RawZip.Entry(bad, "{}".getBytes(StandardCharsets.UTF_8), 0, crc("{}".getBytes(StandardCharsets.UTF_8)),
                        2, 2, 0x800))
                .add("config.json", ArchiveRewriter.read(mlp, "config.json"))
                .add("model.weights.h5", ArchiveRewriter.read(mlp, "model.weights.h5"))
                .build();
        assertClearVerdict(diagnose(hostile().input("non_utf8_names.keras", zip)));
    }

    // ---- JSON ----------------------------------------------------------------------------------

    @Test
    void jsonNested100000LevelsDeepInConfigJsonAndInAModelJson() throws Exception {
        int depth = 100_000;
        byte[] arrays = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        byte[] objects = ("{\"config\": ".repeat(depth) + "{}" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        byte[] mlp = fixture("mlp/mlp.keras");
        assertClearVerdict(diagnose(hostile().input("deep_arrays.keras", ArchiveRewriter.replace(mlp, "config.json", arrays))));
        assertClearVerdict(diagnose(hostile().input("deep_objects.keras", ArchiveRewriter.replace(mlp, "config.json", objects))));
        assertClearVerdict(diagnose(hostile().input("deep.json", objects)));
        byte[] inLayers = ("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": "
                + "[".repeat(depth) + "]".repeat(depth) + "}}").getBytes(StandardCharsets.UTF_8);
        assertClearVerdict(diagnose(hostile().input("deep_layers.json", inLayers)));
    }

    @Test
    void modelsNested600DeepAreInspectedAndDiagnosed() throws Exception {
        JsonMutator mutator = new JsonMutator(fixture("mlp/mlp.json"));
        byte[] nested = null;
        for (java.util.Random rnd = new java.util.Random(1); nested == null; ) {
            JsonMutator.Mutation m = mutator.mutate("nested-models", rnd);
            nested = m.detail().contains("600") ? m.bytes() : null;
        }
        Path file = hostile().input("nested600.json", nested);
        HostileRun.Result inspect = hostile().run("inspect", file.toString(), "--json");
        assertEquals(0, inspect.outcome().exitCode(), "a valid model nested 600 deep is printed: " + inspect);
        assertTrue(VerdictRules.inspectProblems(inspect.outcome(), HostileRun.LIMIT).isEmpty(), inspect.toString());
        assertClearVerdict(diagnose(file));
    }

    // ---- HDF5 ----------------------------------------------------------------------------------

    @Test
    void hdf5DatasetDeclaring2To40ElementsIsAnsweredWithoutReadingIt() throws Exception {
        Path h5 = hostile().inputs().resolve("absurd.weights.h5");
        Files.write(h5, fixture("mlp/mlp.weights.h5"));
        H5py.run("""
                f = h5py.File(sys.argv[1], 'r+')
                del f['layers/dense/vars/0']
                f['layers/dense/vars'].create_dataset('0', shape=(2**20, 2**20), dtype='f4', chunks=(1024, 1024))
                f.close()
                """, h5.toString());
        assertTrue(Files.size(h5) < 1 << 20, "no data was allocated");
        assertClearVerdict(diagnose(h5));
        byte[] keras = ArchiveRewriter.replace(fixture("mlp/mlp.keras"), "model.weights.h5", Files.readAllBytes(h5));
        assertClearVerdict(diagnose(hostile().input("absurd.keras", keras)));
    }

    @Test
    void cyclicHardAndSoftLinksInAnHdf5FileTerminate() throws Exception {
        Path h5 = hostile().inputs().resolve("cyclic.weights.h5");
        Files.write(h5, fixture("mlp/mlp.weights.h5"));
        H5py.run("""
                f = h5py.File(sys.argv[1], 'r+')
                f['layers/dense/vars/cycle'] = f['/']
                f['layers/dense_1/loop'] = f['layers']
                f['layers/dense_2/vars/soft'] = h5py.SoftLink('/layers')
                f['layers/self'] = h5py.SoftLink('/layers/self')
                f.close()
                """, h5.toString());
        assertClearVerdict(diagnose(h5));
        byte[] keras = ArchiveRewriter.replace(fixture("mlp/mlp.keras"), "model.weights.h5", Files.readAllBytes(h5));
        assertClearVerdict(diagnose(hostile().input("cyclic.keras", keras)));
    }

    @Test
    void externalHdf5LinksToOtherFilesAreNotFollowedIntoTrouble() throws Exception {
        Path h5 = hostile().inputs().resolve("external.weights.h5");
        Files.write(h5, fixture("mlp/mlp.weights.h5"));
        H5py.run("""
                f = h5py.File(sys.argv[1], 'r+')
                f['layers/dense/vars/ext'] = h5py.ExternalLink('/etc/passwd', '/')
                f['layers/dense_1/vars/self'] = h5py.ExternalLink(sys.argv[1], '/')
                f['layers/dense_2/vars/missing'] = h5py.ExternalLink('/nonexistent/x.h5', '/a')
                f.close()
                """, h5.toString());
        assertClearVerdict(diagnose(h5));
        byte[] keras = ArchiveRewriter.replace(fixture("mlp/mlp.keras"), "model.weights.h5", Files.readAllBytes(h5));
        assertClearVerdict(diagnose(hostile().input("external.keras", keras)));
    }

    @Test
    void legacyH5WhoseModelConfigIsNested100000LevelsDeep() throws Exception {
        Path h5 = hostile().inputs().resolve("deep_config.h5");
        Files.write(h5, fixture("mlp/mlp.h5"));
        H5py.run("""
                f = h5py.File(sys.argv[1], 'r+')
                f.attrs['model_config'] = '[' * 100000 + ']' * 100000
                f.close()
                """, h5.toString());
        assertClearVerdict(diagnose(h5));
    }

    // ---- not files -----------------------------------------------------------------------------

    @Test
    void emptyFilesOfEveryModelSuffix() throws Exception {
        for (String name : List.of("empty.keras", "empty.h5", "empty.weights.h5", "empty.json")) {
            HostileRun.Result r = diagnose(hostile().input(name, new byte[0]));
            assertClearVerdict(r);
            assertFalse(verdict(r).path("loads").asBoolean(), name + ": " + r);
        }
    }

    @Test
    void aDirectoryGivenAsTheModelFile() throws Exception {
        Path empty = Files.createDirectories(hostile().inputs().resolve("folder.keras"));
        HostileRun.Result r = diagnose(empty);
        assertTrue(r.clearAnswerProblems().isEmpty(), r.clearAnswerProblems() + " — " + r);
        Path h5dir = Files.createDirectories(hostile().inputs().resolve("folder.h5"));
        Files.write(h5dir.resolve("config.json"), "{}".getBytes(StandardCharsets.UTF_8));
        HostileRun.Result r2 = diagnose(h5dir);
        assertTrue(r2.clearAnswerProblems().isEmpty(), r2.clearAnswerProblems() + " — " + r2);
    }

    @Test
    void aFileWithoutReadPermission() throws Exception {
        Path file = hostile().input("locked.keras", fixture("mlp/mlp.keras"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        List<String> prefix = List.of();
        if (Files.isReadable(file)) {
            // root reads anything: drop the capabilities that let it, for the child only
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
                    "SKIPPED: running as root without setpriv, so a chmod 000 file stays readable");
            prefix = List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search");
        }
        HostileRun.Result inspect = hostile().run(prefix, "inspect", file.toString(), "--json");
        assertEquals(2, inspect.outcome().exitCode(), "an unreadable file is exit 2 for inspect: " + inspect);
        assertTrue(VerdictRules.inspectProblems(inspect.outcome(), HostileRun.LIMIT).isEmpty(), inspect.toString());
        assertTrue(inspect.outcome().err().toLowerCase().contains("permission"),
                "the message says permission is denied: " + inspect);
        HostileRun.Result r = hostile().run(prefix, "diagnose", file.toString(), "--json");
        assertTrue(r.clearAnswerProblems().isEmpty(), r.clearAnswerProblems() + " — " + r);
        String said = r.outcome().out() + r.outcome().err();
        assertTrue(said.toLowerCase().contains("permission"), "the message says permission is denied: " + r);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
