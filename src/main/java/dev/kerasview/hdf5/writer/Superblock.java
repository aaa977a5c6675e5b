package dev.kerasview.hdf5.writer;

/** Encodes a version-2 superblock: 8-byte addresses and lengths, no extension, checksummed. */
final class Superblock {

    /** Bytes the superblock occupies at the start of the file. */
    static final int SIZE = 48;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private Superblock() {
    }

    static byte[] encode(long rootObjectHeaderAddress, long endOfFileAddress) {
        LittleEndianBuffer out = new LittleEndianBuffer(SIZE);
        out.bytes(SIGNATURE).u8(2).u8(8).u8(8).u8(0) // version, offset size, length size, flags
                .u64(0) // base address
                .u64(LittleEndianBuffer.UNDEFINED_ADDRESS) // superblock extension
                .u64(endOfFileAddress)
                .u64(rootObjectHeaderAddress);
        return out.checksumFrom(0).toByteArray();
    }
}
