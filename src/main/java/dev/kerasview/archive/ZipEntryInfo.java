package dev.kerasview.archive;

/**
 * One entry of a zip central directory, with where its bytes are.
 *
 * @param name             the entry name as stored
 * @param method           compression method (0 STORED, 8 DEFLATED)
 * @param compressedSize   bytes stored in the archive
 * @param uncompressedSize bytes once extracted, as declared
 * @param crc32            declared CRC-32 of the extracted bytes
 * @param localHeaderOffset where the entry's local header starts
 * @param dataOffset       where the entry's stored bytes start
 */
public record ZipEntryInfo(String name, int method, long compressedSize, long uncompressedSize,
                           long crc32, long localHeaderOffset, long dataOffset) {

    /** Compression method STORED. */
    public static final int STORED = 0;
    /** Compression method DEFLATED. */
    public static final int DEFLATED = 8;

    /** True when the entry is a directory marker. */
    public boolean isDirectory() {
        return name.endsWith("/");
    }
}
