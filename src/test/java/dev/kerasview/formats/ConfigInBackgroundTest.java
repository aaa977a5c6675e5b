package dev.kerasview.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config.json is parsed beside the weights' structure, yet its refusal still comes first. */
class ConfigInBackgroundTest {

    @TempDir
    Path dir;

    private Path archive(String config, byte[] weights) throws Exception {
        Path f = dir.resolve("m.keras");
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            stored(zip, "config.json", config.getBytes(StandardCharsets.UTF_8));
            stored(zip, "model.weights.h5", weights);
        }
        return f;
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws Exception {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    @Test
    void aBrokenConfigIsTheReasonGivenEvenWhenTheWeightsAreBrokenToo() throws Exception {
        Path f = archive("{\"class_name\": \"Sequential\", ", "not an HDF5 file at all".getBytes(StandardCharsets.US_ASCII));
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> ModelReader.open(f, null));
        assertTrue(e.getMessage().startsWith("m.keras: config.json is not valid JSON"), e.getMessage());
    }

    @Test
    void aConfigThatIsNoModelIsRefusedWithItsOwnReason() throws Exception {
        Path f = archive("[1, 2]", "not an HDF5 file at all".getBytes(StandardCharsets.US_ASCII));
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> ModelReader.open(f, null));
        assertEquals("m.keras: config.json is JSON but not a Keras model config (no \"class_name\")", e.getMessage());
    }

    @Test
    void theFixturesStillReadTheSameWithTheConfigParsedAlongside() throws Exception {
        try (OpenModel m = ModelReader.open(Path.of("src/test/resources/fixtures/vae/vae.keras"), null)) {
            assertEquals("vae", m.model().root().name());
            assertTrue(m.model().root().children().size() >= 2);
        }
    }
}
