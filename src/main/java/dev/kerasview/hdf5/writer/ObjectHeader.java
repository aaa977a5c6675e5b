package dev.kerasview.hdf5.writer;

import java.util.List;

/**
 * Encodes a version-2 object header ("OHDR") as a single chunk sized exactly to its messages,
 * followed by its lookup3 checksum. One chunk has no limit on the number of messages.
 */
final class ObjectHeader {

    private ObjectHeader() {
    }

    static byte[] encode(List<HeaderMessage> messages) {
        long chunkSize = 0;
        for (HeaderMessage message : messages) {
            chunkSize += 4 + message.body().length; // type (1), size (2), flags (1), body
        }
        int sizeFieldCode;
        int sizeFieldWidth;
        if (chunkSize <= 0xFF) {
            sizeFieldCode = 0;
            sizeFieldWidth = 1;
        } else if (chunkSize <= 0xFFFF) {
            sizeFieldCode = 1;
            sizeFieldWidth = 2;
        } else {
            sizeFieldCode = 2;
            sizeFieldWidth = 4;
        }
        LittleEndianBuffer out = new LittleEndianBuffer((int) Math.min(Integer.MAX_VALUE - 64, chunkSize + 16));
        out.ascii("OHDR").u8(2).u8(sizeFieldCode).fixed(chunkSize, sizeFieldWidth);
        for (HeaderMessage message : messages) {
            out.u8(message.type()).u16(message.body().length).u8(message.flags()).bytes(message.body());
        }
        return out.checksumFrom(0).toByteArray();
    }
}
