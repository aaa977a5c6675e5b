package dev.kerasview.hdf5.writer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array written in HDF5's little-endian field order, for encoding metadata. */
final class LittleEndianBuffer {

    /** The "undefined address" of HDF5: all bits set. */
    static final long UNDEFINED_ADDRESS = -1L;

    private byte[] bytes;
    private int size;

    LittleEndianBuffer() {
        this(64);
    }

    LittleEndianBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    LittleEndianBuffer u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    LittleEndianBuffer u16(int value) {
        return fixed(value, 2);
    }

    LittleEndianBuffer u32(long value) {
        return fixed(value, 4);
    }

    LittleEndianBuffer u64(long value) {
        return fixed(value, 8);
    }

    /** Writes the low {@code width} bytes of {@code value}, least significant first. */
    LittleEndianBuffer fixed(long value, int width) {
        ensure(width);
        for (int i = 0; i < width; i++) {
            bytes[size++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    LittleEndianBuffer bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    LittleEndianBuffer bytes(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
        return this;
    }

    LittleEndianBuffer ascii(String text) {
        return bytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    LittleEndianBuffer zeros(int count) {
        ensure(count);
        size += count; // the array is zero-filled on growth and never reused below size
        return this;
    }

    /** Overwrites 4 bytes at {@code position} (used to patch sizes and checksums). */
    void putU32At(int position, long value) {
        for (int i = 0; i < 4; i++) {
            bytes[position + i] = (byte) (value >>> (8 * i));
        }
    }

    /** Appends the lookup3 checksum of everything written from {@code start}. */
    LittleEndianBuffer checksumFrom(int start) {
        return u32(Lookup3.checksum(bytes, start, size - start) & 0xffffffffL);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int extra) {
        if (extra < 0 || size + (long) extra > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("metadata block too large: " + ((long) size + extra) + " bytes");
        }
        if (size + extra > bytes.length) {
            long grown = Math.max((long) bytes.length * 2, (long) size + extra);
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, Integer.MAX_VALUE - 16));
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
