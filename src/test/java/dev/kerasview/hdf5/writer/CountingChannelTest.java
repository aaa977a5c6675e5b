package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountingChannelTest {

    @TempDir
    Path dir;

    @Test
    void countsAndWritesLargeHeapAndDirectBuffersCompletelyInOrder() throws IOException {
        byte[] heap = new byte[3 * (1 << 20) + 17];
        new Random(1).nextBytes(heap);
        ByteBuffer direct = ByteBuffer.allocateDirect(1000);
        for (int i = 0; i < 1000; i++) {
            direct.put((byte) i);
        }
        direct.flip();
        Path file = dir.resolve("out.bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            CountingChannel counting = new CountingChannel(channel);
            ByteBuffer heapBuffer = ByteBuffer.wrap(heap);
            assertEquals(heap.length, counting.write(heapBuffer));
            assertFalse(heapBuffer.hasRemaining());
            assertEquals(1000, counting.write(direct));
            assertEquals(heap.length + 1000L, counting.count());
        }
        byte[] written = Files.readAllBytes(file);
        assertArrayEquals(heap, java.util.Arrays.copyOf(written, heap.length));
        assertEquals((byte) 999, written[written.length - 1]);
    }

    @Test
    void closingItLeavesTheFileOpenButRefusesFurtherWrites() throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve("c.bin"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            CountingChannel counting = new CountingChannel(channel);
            counting.close();
            assertTrue(channel.isOpen());
            assertFalse(counting.isOpen());
            assertThrows(ClosedChannelException.class, () -> counting.write(ByteBuffer.allocate(1)));
        }
    }
}
