package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
    void flushesWhileAFileGrowsAndStopsItsThreadWhenFinished() throws Exception {
        Path file = dir.resolve("out.bin");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            WriteBehind w = WriteBehind.start(ch);
            ByteBuffer block = ByteBuffer.allocateDirect(1 << 20);
            for (long written = 0; written < 2 * WriteBehind.STEP + (5 << 20); written += block.capacity()) {
                block.clear();
                while (block.hasRemaining()) {
                    ch.write(block);
                }
            }
            assertTimeoutPreemptively(Duration.ofSeconds(30), w::finish);
            assertFalse(writeBehindThreadAlive(), "the flushing thread has ended");
        }
        assertEquals(2 * WriteBehind.STEP + (5 << 20), Files.size(file));
    }

    @Test
    void closingTheChannelUnderItEndsItQuietly() throws Exception {
        Path file = dir.resolve("out.bin");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        WriteBehind w = WriteBehind.start(ch);
        ch.write(ByteBuffer.allocate(1024));
        ch.close();
        // A writer that gave up closes the file; finishing must not report that as a disk failure.
        assertTimeoutPreemptively(Duration.ofSeconds(10), w::finish);
        assertFalse(writeBehindThreadAlive());
    }

    private static boolean writeBehindThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("kerasview-write-behind") && t.isAlive());
    }
}
