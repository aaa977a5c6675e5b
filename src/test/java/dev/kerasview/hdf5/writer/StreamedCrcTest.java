package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CRC-32 a writer computes while writing equals {@link CRC32} over the file's bytes read back. */
class StreamedCrcTest {

    @TempDir
    Path dir;

    private static int crc(byte[] bytes, int from, int to) {
        CRC32 c = new CRC32();
        c.update(bytes, from, to - from);
        return (int) c.getValue();
    }

    @Test
    void combiningTwoRunsEqualsTheRunOfBoth() {
        byte[] bytes = new byte[100_003];
        new Random(3).nextBytes(bytes);
        for (int cut : new int[] {0, 1, 7, 4096, 65_537, 100_002, 100_003}) {
            assertEquals(crc(bytes, 0, bytes.length), Crc32Combine.combine(crc(bytes, 0, cut),
                    crc(bytes, cut, bytes.length), bytes.length - cut), "cut at " + cut);
        }
    }

    @Test
    void aFileWrittenInsideAnotherKnowsItsCrcWithoutReadingItBack() throws IOException {
        byte[] region = new byte[3_000_000];
        new Random(9).nextBytes(region);
        Path source = Files.write(dir.resolve("source.bin"), region);
        byte[] heap = Arrays.copyOf(region, 2_500_001); // above the 1 MB heap slice
        Path out = dir.resolve("entry.bin");
        long base = 77; // as inside a zip entry, past its local header
        int crc;
        long size;
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.READ)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[(int) base]));
            try (Hdf5Writer w = new Hdf5Writer(ch, base, true)) {
                GroupWriter g = w.root().group("layers").group("vars");
                g.attribute("name", AttributeValue.string("d", StringEncoding.VLEN_UTF8));
                // the kernel's copy path, replaced by a pass through a buffer when a CRC is kept
                g.dataset("0", "uint8", new long[] {region.length - 5},
                        o -> ((TransferTarget) o).transferFrom(in, 5, region.length - 5));
                g.dataset("1", "uint8", new long[] {heap.length}, DataSource.ofBytes(heap));
                g.dataset("2", "uint8", new long[] {1000}, DataSource.ofFileRegion(in, 17, 1000));
                w.close();
                size = w.bytesWritten();
                crc = w.crc32();
            }
        }
        byte[] written = Files.readAllBytes(out);
        assertEquals(base + size, written.length);
        assertEquals(crc(written, (int) base, written.length), crc);
    }
}
