package dev.kerasview.convert;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Flushes a file being written to disk in the background, every {@link #STEP} bytes of growth,
 * so that the disk writes while the converter copies and the closing force has little left to
 * wait for. Without it the kernel starts writing a 2 GB file back only when forced, and the
 * whole write-back comes after the copy instead of beside it.
 */
final class WriteBehind implements AutoCloseable {

    static final long STEP = 128L << 20;
    private static final long POLL_MILLIS = 50;

    private final FileChannel channel;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile IOException failure;

    private WriteBehind(FileChannel channel) {
        this.channel = channel;
        this.thread = new Thread(this::run, "kerasview-write-behind");
        thread.setDaemon(true);
    }

    /** Starts flushing {@code channel} in the background. */
    static WriteBehind start(FileChannel channel) {
        WriteBehind w = new WriteBehind(channel);
        w.thread.start();
        return w;
    }

    private void run() {
        long flushed = 0;
        try {
            while (!stopped) {
                long size = channel.size();
                if (size - flushed >= STEP) {
                    channel.force(false);
                    flushed = size;
                } else {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // A closed channel means the writer gave up; anything else it must hear about, because
            // the kernel reports a failed write-back to one force only, and that may be this one.
            if (!stopped && channel.isOpen()) {
                failure = e;
            }
        }
    }

    /**
     * Stops flushing and waits for a flush under way to end.
     *
     * @throws IOException a write-back failure seen by a background flush
     */
    void finish() throws IOException {
        close();
        if (failure != null) {
            throw new IOException("writing to disk failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
