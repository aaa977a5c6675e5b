package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourceTest {

    @TempDir
    Path dir;

    @Test
    void bytesAndBuffersAreWrittenWholeAndTheBufferIsLeftAsItWas() throws IOException {
        byte[] data = {1, 2, 3, 4, 5};
        assertArrayEquals(data, collect(DataSource.ofBytes(data)));
        ByteBuffer buffer = ByteBuffer.wrap(data);
        buffer.position(1);
        DataSource source = DataSource.ofBuffer(buffer);
        assertArrayEquals(new byte[] {2, 3, 4, 5}, collect(source));
        assertArrayEquals(new byte[] {2, 3, 4, 5}, collect(source), "a source can be written twice");
        assertEquals(1, buffer.position());
    }

    @Test
    void aFileRegionIsCopiedExactlyAcrossSeveralMappingWindows() throws IOException {
        byte[] content = new byte[10_000];
        new Random(5).nextBytes(content);
        Path file = dir.resolve("source.bin");
        Files.write(file, content);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] region = collect(new FileRegionSource(channel, 123, 9_000, 1000));
            assertArrayEquals(Arrays.copyOfRange(content, 123, 9_123), region);
            assertArrayEquals(Arrays.copyOfRange(content, 10, 20), collect(DataSource.ofFileRegion(channel, 10, 10)));
            IOException beyond = assertThrows(IOException.class, () -> collect(DataSource.ofFileRegion(channel, 9_000, 2_000)));
            assertTrue(beyond.getMessage().contains("ends at 10000"), beyond.getMessage());
        }
    }

    @Test
    void aFileRegionStreamsIntoTheWriterAsADataset() throws IOException {
        byte[] floats = TestFiles.floats(1, 2, 3, 4);
        Path file = dir.resolve("floats.bin");
        Files.write(file, floats);
        Path h5 = dir.resolve("region.h5");
        try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ)) {
            TestFiles.write(h5, root -> root.dataset("x", "float32", new long[] {2, 2}, DataSource.ofFileRegion(source, 0, 16)));
        }
        assertEquals("[1.0,2.0,3.0,4.0]", ReferenceReaders.h5py(h5).get("/x").get("values").toString());
    }

    private static byte[] collect(DataSource source) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WritableByteChannel out = Channels.newChannel(bytes)) {
            source.writeTo(out);
        }
        return bytes.toByteArray();
    }
}
