package dev.kerasview.hdf5.writer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a child JVM with a small heap by {@link Hdf5WriterStreamingTest}: writes one float32
 * dataset of the given size (element i = i % 1000) from a 4 MB direct buffer, then prints the
 * peak heap use and the time taken.
 */
public final class StreamingWriteMain {

    private StreamingWriteMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long megabytes = Long.parseLong(args[1]);
        long elements = megabytes * 1024 * 1024 / 4;
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
                Hdf5Writer writer = new Hdf5Writer(channel)) {
            writer.root().group("model_weights").group("big").dataset("kernel", "float32",
                    new long[] {elements / 1024, 1024}, out -> {
                        ByteBuffer buffer = ByteBuffer.allocateDirect(4 << 20).order(ByteOrder.LITTLE_ENDIAN);
                        long next = 0;
                        while (next < elements) {
                            buffer.clear();
                            while (buffer.hasRemaining() && next < elements) {
                                buffer.putFloat(next % 1000);
                                next++;
                            }
                            buffer.flip();
                            while (buffer.hasRemaining()) {
                                out.write(buffer);
                            }
                        }
                    });
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("{\"peakHeapBytes\": " + peak + ", \"seconds\": "
                + (System.nanoTime() - start) / 1e9 + "}");
    }
}
