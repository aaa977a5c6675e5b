package dev.kerasview.hdf5.writer;

import java.nio.charset.StandardCharsets;

/** Encodes the messages of a "new-style" group: link info, group info and compact links. */
final class GroupMessages {

    private GroupMessages() {
    }

    /** Link info without a fractal heap: all links are link messages in the header. */
    static HeaderMessage linkInfo() {
        LittleEndianBuffer out = new LittleEndianBuffer(18);
        out.u8(0).u8(0) // version, flags: creation order neither tracked nor indexed
                .u64(LittleEndianBuffer.UNDEFINED_ADDRESS) // fractal heap
                .u64(LittleEndianBuffer.UNDEFINED_ADDRESS); // name index v2 B-tree
        return new HeaderMessage(HeaderMessage.LINK_INFO, 0, out.toByteArray());
    }

    /** Group info with the library's default storage thresholds. */
    static HeaderMessage groupInfo() {
        return new HeaderMessage(HeaderMessage.GROUP_INFO, 0, new byte[] {0, 0});
    }

    /** A hard link named {@code name} to the object header at {@code address}. */
    static HeaderMessage hardLink(String name, long address) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        boolean ascii = nameBytes.length == name.length();
        int lengthCode;
        int lengthWidth;
        if (nameBytes.length <= 0xFF) {
            lengthCode = 0;
            lengthWidth = 1;
        } else if (nameBytes.length <= 0xFFFF) {
            lengthCode = 1;
            lengthWidth = 2;
        } else {
            lengthCode = 2;
            lengthWidth = 4;
        }
        LittleEndianBuffer out = new LittleEndianBuffer(nameBytes.length + 16);
        out.u8(1).u8(lengthCode | (ascii ? 0 : 0x10)); // version; bit 4: character set present
        if (!ascii) {
            out.u8(1); // UTF-8
        }
        out.fixed(nameBytes.length, lengthWidth).bytes(nameBytes).u64(address);
        return new HeaderMessage(HeaderMessage.LINK, 0, out.toByteArray());
    }
}
