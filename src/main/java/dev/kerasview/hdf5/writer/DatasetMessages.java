package dev.kerasview.hdf5.writer;

/** Encodes the storage messages of a contiguous dataset: fill value and layout. */
final class DatasetMessages {

    private DatasetMessages() {
    }

    /** Fill value (version 3): allocated late, written if set, library default value. */
    static HeaderMessage fillValue() {
        return new HeaderMessage(HeaderMessage.FILL_VALUE, HeaderMessage.CONSTANT, new byte[] {3, 0x0A});
    }

    /** Contiguous layout (version 3); an empty dataset has no storage (undefined address). */
    static HeaderMessage contiguousLayout(long address, long size) {
        LittleEndianBuffer out = new LittleEndianBuffer(18);
        out.u8(3).u8(1).u64(size == 0 ? LittleEndianBuffer.UNDEFINED_ADDRESS : address).u64(size);
        return new HeaderMessage(HeaderMessage.LAYOUT, 0, out.toByteArray());
    }
}
