package dev.kerasview.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class StoredBytesChannelTest {

    @Test
    void readsTheRangeInOrderThroughBuffersOfAnySize() throws IOException {
        byte[] file = new byte[1000];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) i;
        }
        StoredBytesChannel ch = new StoredBytesChannel(ByteSource.of(ByteBuffer.wrap(file)), 100, 777, 1, "d");
        byte[] got = drain(ch, 10);
        byte[] want = new byte[777];
        System.arraycopy(file, 100, want, 0, 777);
        assertArrayEquals(want, got);
        assertEquals(-1, ch.read(ByteBuffer.allocate(4)));
    }

    @Test
    void swapsBigEndianElementsToLittleEndianEvenWhenTheBufferSplitsAnElement() throws IOException {
        ByteBuffer be = ByteBuffer.allocate(6 * 4).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < 6; i++) {
            be.putFloat(i * 1.5f);
        }
        StoredBytesChannel ch = new StoredBytesChannel(ByteSource.of(ByteBuffer.wrap(be.array())), 0, 24, 4, "d");
        ByteBuffer le = ByteBuffer.wrap(drain(ch, 7)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) {
            assertEquals(i * 1.5f, le.getFloat(), "element " + i);
        }
    }

    @Test
    void aRangeBeyondTheEndOfTheFileIsReportedAsATruncatedFile() {
        StoredBytesChannel ch = new StoredBytesChannel(ByteSource.of(ByteBuffer.allocate(50)), 40, 20, 1,
                "dense/kernel");
        IOException e = assertThrows(IOException.class, () -> drain(ch, 64));
        assertTrue(e.getMessage().contains("dense/kernel") && e.getMessage().contains("truncated"), e.getMessage());
    }

    private static byte[] drain(StoredBytesChannel ch, int bufferSize) throws IOException {
        ByteBuffer all = ByteBuffer.allocate(4096);
        ByteBuffer buf = ByteBuffer.allocate(bufferSize);
        while (ch.read(buf) >= 0) {
            buf.flip();
            all.put(buf);
            buf.clear();
        }
        byte[] out = new byte[all.position()];
        all.flip().get(out);
        return out;
    }
}
