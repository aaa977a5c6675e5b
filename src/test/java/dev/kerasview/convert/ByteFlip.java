package dev.kerasview.convert;

import dev.kerasview.hdf5.FileRegion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Damages a written file the way a faulty disk would: one byte inverted. */
final class ByteFlip {

    private ByteFlip() {
    }

    /** Inverts the byte in the middle of {@code region} of {@code file}; returns its offset in the region. */
    static long inMiddle(Path file, FileRegion region) throws IOException {
        long at = region.length() / 2;
        try (var ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            var b = ByteBuffer.allocate(1);
            ch.read(b, region.offset() + at);
            b.put(0, (byte) ~b.get(0)).rewind();
            ch.write(b, region.offset() + at);
        }
        return at;
    }
}
