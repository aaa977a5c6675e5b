package dev.kerasview.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.archive.TestZip;
import dev.kerasview.archive.ZipArchive;
import dev.kerasview.archive.ZipEntryInfo;
import dev.kerasview.cli.KerasviewCommand;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not models, or damaged ones: one line naming the file and the problem. */
class BadInputTest {

    private static final Path FIX = Path.of("src/test/resources/fixtures");

    @TempDir
    Path tmp;

    @Test
    void truncatedArchiveIsUnreadableWithOneLine() throws Exception {
        assertUnreadable(FIX.resolve("broken_truncated/broken_truncated.keras"), "truncated");
    }

    @Test
    void randomBytesAreNotAModel() throws Exception {
        byte[] b = new byte[4096];
        new Random(1).nextBytes(b);
        b[0] = 7;
        assertUnreadable(write("random.keras", b), "not a Keras model");
    }

    @Test
    void emptyFileIsNotAModel() throws Exception {
        assertUnreadable(write("empty.h5", new byte[0]), "empty");
    }

    @Test
    void gitLfsPointerSaysToRunGitLfsPull() throws Exception {
        String pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 124\n";
        assertUnreadable(write("model.keras", pointer.getBytes(StandardCharsets.US_ASCII)),
                "git lfs pull");
    }

    @Test
    void htmlPageIsNotAModel() throws Exception {
        assertUnreadable(write("model.h5", "<!DOCTYPE html><html><body>404</body></html>"
                .getBytes(StandardCharsets.UTF_8)), "HTML");
    }

    @Test
    void truncatedHdf5IsUnreadable() throws Exception {
        byte[] all = Files.readAllBytes(FIX.resolve("mlp/mlp.h5"));
        assertUnreadable(write("cut.h5", java.util.Arrays.copyOf(all, 1500)), "HDF5");
    }

    @Test
    void zipWithDuplicateConfigIsRefused() throws Exception {
        byte[] config = Files.readAllBytes(FIX.resolve("mlp/mlp.json"));
        Path f = write("dup.keras", new TestZip().add("config.json", config)
                .add("config.json", "{\"class_name\": \"Evil\"}".getBytes()).bytes());
        assertUnreadable(f, "more than once");
    }

    @Test
    void zipWithTraversalEntryIsRefused() throws Exception {
        byte[] config = Files.readAllBytes(FIX.resolve("mlp/mlp.json"));
        Path f = write("trav.keras", new TestZip().add("config.json", config)
                .add("../../.bashrc", "echo owned".getBytes()).bytes());
        assertUnreadable(f, "outside the archive");
    }

    @Test
    void declaredSizeFarBeyondStoredSizeIsRefused() throws Exception {
        byte[] config = Files.readAllBytes(FIX.resolve("mlp/mlp.json"));
        Path f = write("bomb.keras", new TestZip().add("config.json", config)
                .add(new TestZip.Entry("model.weights.h5", new byte[64], 50L * 1024 * 1024 * 1024,
                        ZipEntryInfo.DEFLATED)).bytes());
        assertUnreadable(f, "decompression bomb");
    }

    @Test
    void duplicatedAssetIsReportedButTheModelOpens() throws Exception {
        Path src = FIX.resolve("mlp/mlp.keras");
        TestZip z = new TestZip();
        try (ZipArchive zip = ZipArchive.open(src)) {
            for (ZipEntryInfo e : zip.entries()) {
                z.add(e.name(), zip.readBytes(e, Long.MAX_VALUE));
            }
        }
        z.add("assets/a.txt", "1".getBytes()).add("assets/a.txt", "2".getBytes());
        try (OpenModel m = ModelReader.open(write("assets.keras", z.bytes()), null)) {
            assertTrue(m.model().problems().stream().anyMatch(p -> p.code() == FindingCode.DUPLICATE_ENTRY));
            assertEquals(5, m.model().root().children().size());
        }
    }

    @Test
    void unreadableHdf5GroupIsReportedWhileTheRestShows() throws Exception {
        Path f = tmp.resolve("damaged.weights.h5");
        Files.copy(FIX.resolve("mlp/mlp.weights.h5"), f);
        long header;
        try (HdfFile h = new HdfFile(f)) {
            Dataset d = h.getDatasetByPath("layers/dense_1/vars/0");
            header = d.getAddress();
        }
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(header);
            raf.write(new byte[] {(byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE});
        }
        try (OpenModel m = ModelReader.open(FIX.resolve("mlp/mlp.json"), f)) {
            assertTrue(m.model().problems().stream().anyMatch(p -> p.code() == FindingCode.DAMAGED_GROUP
                    && p.path().equals("layers/dense_1/vars/0")), m.model().problems().toString());
            LayerNode hidden = child(m.model().root(), "dense_hidden");
            assertNotNull(hidden.problem(), "the damaged layer carries its problem");
            LayerNode in = child(m.model().root(), "dense_in");
            assertEquals(2, in.variables().size());
            VariableInfo kernel = in.variables().get(0);
            // Keras's ground truth for mlp: dense_in kernel sum=5.05336711.
            assertEquals(5.05336711, m.tensors().statistics(kernel, 0).sum(), 1e-6);
            assertEquals(2, child(m.model().root(), "dense_out").variables().size());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = KerasviewCommand.run(new PrintWriter(out), new PrintWriter(err), "inspect",
                FIX.resolve("mlp/mlp.json").toString(), "--weights", f.toString());
        assertEquals(0, rc, err.toString());
        assertTrue(out.toString().contains("DAMAGED_GROUP"), out.toString());
        assertTrue(out.toString().contains("dense_out"), out.toString());
    }

    private static LayerNode child(LayerNode root, String name) {
        return root.children().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private Path write(String name, byte[] data) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, data);
        return f;
    }

    /** Unreadable through the API and through the CLI: exit 2, one line, file named, no trace. */
    private static void assertUnreadable(Path f, String expectedWords) {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> ModelReader.open(f, null).close());
        assertTrue(e.getMessage().startsWith(f.getFileName() + ": "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains(expectedWords.toLowerCase()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = KerasviewCommand.run(new PrintWriter(out), new PrintWriter(err), "inspect", f.toString());
        assertEquals(2, rc);
        String msg = err.toString().strip();
        assertEquals(1, msg.lines().count(), msg);
        assertTrue(msg.contains(f.getFileName().toString()), msg);
        assertFalse(msg.contains("\tat ") || msg.contains("Exception"), msg);
        assertEquals("", out.toString());
    }
}
