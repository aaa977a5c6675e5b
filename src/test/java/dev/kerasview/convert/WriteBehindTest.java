package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindTest {

    @TempDir
    Path dir;

    @Test
    void flushesWhileAFileGrowsAndEndsOnceEverythingIsOnDisk() throws Exception {
        Path file = dir.resolve("out.bin");
        long size = 2 * WriteBehind.STEP + (5 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            WriteBehind w = WriteBehind.start(ch);
            ByteBuffer block = ByteBuffer.allocateDirect(1 << 20);
            for (long written = 0; written < size; written += block.capacity()) {
                block.clear();
                while (block.hasRemaining()) {
                    ch.write(block);
                }
            }
            w.writingDone();
            assertTrue(ch.isOpen(), "the caller still owns the channel");
            assertTimeoutPreemptively(Duration.ofSeconds(30), w::awaitOnDisk);
            assertFalse(writeBehindThreadAlive(), "the flushing thread has ended");
        }
        assertEquals(size, Files.size(file));
    }

    @Test
    void aChannelClosedBeforeTheBytesAreOnDiskIsReportedAsAFailure() throws Exception {
        FileChannel ch = FileChannel.open(dir.resolve("out.bin"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        WriteBehind w = WriteBehind.start(ch);
        ch.write(ByteBuffer.allocate(1024));
        ch.close();
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IOException.class, w::awaitOnDisk));
        assertTrue(e.getMessage().startsWith("writing to disk failed"), e.getMessage());
    }

    @Test
    void abandoningStopsAtOnceAndReportsNothing() throws Exception {
        FileChannel ch = FileChannel.open(dir.resolve("out.bin"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        WriteBehind w = WriteBehind.start(ch);
        ch.write(ByteBuffer.allocate(1024));
        assertTimeoutPreemptively(Duration.ofSeconds(10), w::close);
        assertFalse(writeBehindThreadAlive());
        ch.close();
    }

    private static boolean writeBehindThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("kerasview-write-behind") && t.isAlive());
    }
}
