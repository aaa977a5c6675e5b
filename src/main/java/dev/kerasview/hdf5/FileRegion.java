package dev.kerasview.hdf5;

import java.nio.channels.FileChannel;

/**
 * Bytes stored unchanged at a place in a file, so that they can be copied by the kernel
 * ({@link FileChannel#transferTo}) without passing through Java buffers.
 *
 * @param channel the open file
 * @param offset  where the bytes start in it
 * @param length  how many bytes
 */
public record FileRegion(FileChannel channel, long offset, long length) {
}
