package dev.kerasview.convert;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Puts a file being written on disk in the background: flushes it every {@link #STEP} bytes of
 * growth while it is written, and the rest once writing is done, while the converter goes on to
 * verify it. Without it the kernel would start writing a 2 GB file back only when forced, and
 * the whole write-back would come after the copy and before the verification instead of beside
 * them.
 */
final class WriteBehind implements AutoCloseable {

    static final long STEP = 128L << 20;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final FileChannel channel;
    private final Thread thread;
    private volatile boolean writingDone;
    private volatile boolean abandoned;
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
            while (!writingDone && !abandoned) {
                long size = channel.size();
                if (size - flushed >= STEP) {
                    channel.force(false);
                    flushed = size;
                } else {
                    LockSupport.parkNanos(this, POLL_NANOS);
                }
            }
            if (!abandoned) {
                channel.force(true);
            }
        } catch (IOException e) {
            // Abandoned means the file is being deleted. Anything else the writer must hear about:
            // the kernel reports a failed write-back to one force only, and that may be this one.
            if (!abandoned) {
                failure = e;
            }
        }
    }

    /** Writing is over: the rest goes to disk in the background (see {@link #awaitOnDisk}). */
    void writingDone() {
        writingDone = true;
        LockSupport.unpark(thread);
    }

    /**
     * Waits until everything written is on disk.
     *
     * @throws IOException a write-back failure seen by a background flush
     */
    void awaitOnDisk() throws IOException {
        writingDone();
        join();
        if (failure != null) {
            throw new IOException("writing to disk failed: " + failure.getMessage(), failure);
        }
    }

    /** Gives up on the file: stops at once, forcing nothing more (an interrupted force closes the channel). */
    @Override
    public void close() {
        if (thread.isAlive()) {
            abandoned = true;
            thread.interrupt();
            join();
        }
    }

    private void join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
