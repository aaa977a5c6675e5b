package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.checksum.JenkinsLookup3HashLittle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SuperblockTest {

    @Test
    void version2SuperblockNamesRootAndEndOfFileAndIsChecksummed() {
        byte[] block = Superblock.encode(4242, 1 << 30);
        ByteBuffer in = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);

        assertEquals(Superblock.SIZE, block.length);
        assertArrayEquals(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(block, 8));
        assertEquals(2, block[8]);
        assertEquals(8, block[9]);
        assertEquals(8, block[10]);
        assertEquals(0L, in.getLong(12));
        assertEquals(-1L, in.getLong(20), "no superblock extension");
        assertEquals(1L << 30, in.getLong(28));
        assertEquals(4242L, in.getLong(36));
        assertEquals(JenkinsLookup3HashLittle.hash(Arrays.copyOf(block, 44)), in.getInt(44));
    }
}
