package dev.kerasview.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only view of a byte range of a file channel; closing it leaves the file open. */
public final class RangeChannel implements SeekableByteChannel {

    private final FileChannel channel;
    private final long start;
    private final long length;
    private long position;
    private boolean open = true;

    public RangeChannel(FileChannel channel, long start, long length) {
        this.channel = channel;
        this.start = start;
        this.length = length;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (position >= length) {
            return -1;
        }
        int want = (int) Math.min(dst.remaining(), length - position);
        ByteBuffer slice = dst.slice();
        slice.limit(want);
        int n = channel.read(slice, start + position);
        if (n > 0) {
            dst.position(dst.position() + n);
            position += n;
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open && channel.isOpen();
    }

    @Override
    public void close() {
        open = false;
    }
}
