package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.checksum.JenkinsLookup3HashLittle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectHeaderTest {

    @Test
    void headerIsSignedVersion2WithExactChunkSizeAndAValidChecksum() {
        List<HeaderMessage> messages = List.of(GroupMessages.linkInfo(), GroupMessages.groupInfo());
        byte[] header = ObjectHeader.encode(messages);
        ByteBuffer in = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);

        assertEquals("OHDR", new String(header, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(2, header[4]);
        assertEquals(0, header[5] & 0x03, "one-byte chunk size for a small header");
        int chunk = header[6] & 0xff;
        assertEquals(4 + 18 + 4 + 2, chunk);
        assertEquals(7 + chunk + 4, header.length);
        assertEquals(HeaderMessage.LINK_INFO, header[7]);
        assertEquals(JenkinsLookup3HashLittle.hash(java.util.Arrays.copyOf(header, header.length - 4)),
                in.getInt(header.length - 4));
    }

    @Test
    void chunkSizeFieldGrowsToTwoAndFourBytesForManyMessages() {
        assertEquals(1, sizeCode(100));
        assertEquals(2, sizeCode(100_000));
    }

    private static int sizeCode(int links) {
        List<HeaderMessage> messages = new ArrayList<>();
        for (int i = 0; i < links; i++) {
            messages.add(GroupMessages.hardLink("child" + i, 1000L + i));
        }
        byte[] header = ObjectHeader.encode(messages);
        int code = header[5] & 0x03;
        int width = 1 << code;
        long chunk = 0;
        for (int i = 0; i < width; i++) {
            chunk |= (long) (header[6 + i] & 0xff) << (8 * i);
        }
        assertEquals(header.length - 6 - width - 4, chunk);
        assertEquals(JenkinsLookup3HashLittle.hash(java.util.Arrays.copyOf(header, header.length - 4)),
                ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(header.length - 4));
        return code;
    }
}
