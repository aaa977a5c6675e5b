package dev.kerasview.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.model.FindingCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipArchiveTest {

    private static final Path MLP = Path.of("src/test/resources/fixtures/mlp/mlp.keras");

    @TempDir
    Path tmp;

    @Test
    void kerasArchiveEntriesMatchJavaUtilZipAndStoredWeightsMapToTheHdf5Signature() throws Exception {
        try (ZipArchive zip = ZipArchive.open(MLP); ZipFile reference = new ZipFile(MLP.toFile())) {
            assertEquals(reference.size(), zip.entries().size());
            for (ZipEntryInfo e : zip.entries()) {
                var ref = reference.getEntry(e.name());
                assertEquals(ref.getSize(), e.uncompressedSize(), e.name());
                assertEquals(ref.getCrc(), e.crc32(), e.name());
                byte[] expected = reference.getInputStream(ref).readAllBytes();
                assertArrayEquals(expected, zip.readBytes(e, Long.MAX_VALUE), e.name());
            }
            ZipEntryInfo w = zip.entry("model.weights.h5").orElseThrow();
            assertEquals(ZipEntryInfo.STORED, w.method());
            ByteBuffer mapped = zip.mapStored(w);
            byte[] sig = new byte[8];
            mapped.get(sig);
            assertArrayEquals(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'}, sig);
            assertTrue(zip.issues().isEmpty());
        }
    }

    @Test
    void zip64EndRecordsAndExtraFieldsAreRead() throws Exception {
        Path f = write(new TestZip().forceZip64().add("config.json", "{}".getBytes())
                .add("b.txt", "hello".getBytes()));
        try (ZipArchive zip = ZipArchive.open(f)) {
            assertEquals(List.of("config.json", "b.txt"),
                    zip.entries().stream().map(ZipEntryInfo::name).toList());
            assertEquals("hello", new String(zip.readBytes(zip.entry("b.txt").orElseThrow(), 100),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void duplicateEntriesAreReportedAndTheLastCopyWinsLikePython() throws Exception {
        Path f = write(new TestZip().add("a.txt", "first".getBytes()).add("a.txt", "second".getBytes()));
        try (ZipArchive zip = ZipArchive.open(f)) {
            assertEquals(FindingCode.DUPLICATE_ENTRY, zip.issues().get(0).code());
            assertEquals("second", new String(zip.readBytes(zip.entry("a.txt").orElseThrow(), 100),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void traversalAndAbsoluteNamesAreBlocked() throws Exception {
        Path f = write(new TestZip().add("../evil.txt", "x".getBytes()).add("/etc/passwd", "y".getBytes())
                .add("assets/ok.txt", "z".getBytes()));
        try (ZipArchive zip = ZipArchive.open(f)) {
            assertTrue(zip.entry("../evil.txt").isEmpty());
            assertTrue(zip.entry("/etc/passwd").isEmpty());
            assertTrue(zip.entry("assets/ok.txt").isPresent());
            assertEquals(2, zip.issues().stream().filter(i -> i.code() == FindingCode.UNSAFE_ENTRY_NAME).count());
        }
    }

    @Test
    void declaredSizeFarBeyondStoredSizeIsBlockedAsABomb() throws Exception {
        Path f = write(new TestZip().add(new TestZip.Entry("model.weights.h5", new byte[100],
                10L * 1024 * 1024 * 1024, ZipEntryInfo.DEFLATED)));
        try (ZipArchive zip = ZipArchive.open(f)) {
            assertTrue(zip.entry("model.weights.h5").isEmpty());
            assertEquals(FindingCode.ZIP_BOMB, zip.blockedReason("model.weights.h5").orElseThrow().code());
        }
    }

    @Test
    void truncatedArchiveHasNoCentralDirectory() throws Exception {
        byte[] all = Files.readAllBytes(MLP);
        Path f = tmp.resolve("cut.keras");
        Files.write(f, java.util.Arrays.copyOf(all, all.length * 6 / 10));
        ZipFormatException e = assertThrows(ZipFormatException.class, () -> ZipArchive.open(f));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    private Path write(TestZip z) throws Exception {
        Path f = Files.createTempFile(tmp, "t", ".zip");
        Files.write(f, z.bytes());
        return f;
    }
}
