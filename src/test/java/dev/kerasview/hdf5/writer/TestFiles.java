package dev.kerasview.hdf5.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes test files through the public API and builds little-endian test data. */
final class TestFiles {

    /** What a test writes into a fresh file. */
    @FunctionalInterface
    interface Content {
        void write(GroupWriter root) throws IOException;
    }

    private TestFiles() {
    }

    static Path write(Path file, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                Hdf5Writer writer = new Hdf5Writer(channel)) {
            content.write(writer.root());
        }
        return file;
    }

    /** A source writing {@code bytes} in one piece. */
    static DataSource source(byte[] bytes) {
        return out -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        };
    }

    static byte[] floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    static byte[] doubles(double... values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            buffer.putDouble(value);
        }
        return buffer.array();
    }

    /** Integers as little-endian elements of {@code width} bytes. */
    static byte[] integers(int width, long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(width * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            for (int i = 0; i < width; i++) {
                buffer.put((byte) (value >>> (8 * i)));
            }
        }
        return buffer.array();
    }
}
