package dev.kerasview.convert;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An output file written under a temporary name in its target folder, put on disk (in the
 * background while it is written and verified, see {@link WriteBehind}), then renamed into place
 * in one step; until {@link #commit()} nothing exists at the target path.
 */
final class AtomicOutput implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final boolean replace;
    private FileChannel channel;
    private WriteBehind writeBehind;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, boolean replace, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.replace = replace;
        this.channel = channel;
        this.writeBehind = WriteBehind.start(channel);
    }

    /** Refuses an existing target unless {@code force}; creates the temporary file. */
    static AtomicOutput create(Path target, boolean force) throws ConversionException {
        return create(target, force, null);
    }

    /**
     * Like {@link #create(Path, boolean)}, but the file is written under its own name in
     * {@code staging}: files that name each other (a shard index and its shards) are read back
     * there, by the names they will have.
     */
    static AtomicOutput staged(Path target, boolean force, StagingFolder staging) throws ConversionException {
        return create(target, force, staging);
    }

    private static AtomicOutput create(Path target, boolean force, StagingFolder staging) throws ConversionException {
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new ConversionException(abs + " already exists; use --force to replace it");
        }
        if (Files.isDirectory(abs)) {
            throw new ConversionException(abs + " is a folder; name an output file");
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ConversionException("the output folder " + dir + " does not exist");
        }
        Path temp = staging == null ? TempFiles.tempFor(abs) : staging.path().resolve(abs.getFileName());
        try {
            FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.READ);
            return new AtomicOutput(abs, temp, force, ch);
        } catch (AccessDeniedException e) {
            throw new ConversionException("cannot write in " + dir + ": permission denied");
        } catch (IOException e) {
            throw new ConversionException("cannot create a file in " + dir + ": " + e.getMessage());
        }
    }

    Path target() {
        return target;
    }

    Path temp() {
        return temp;
    }

    FileChannel channel() {
        return channel;
    }

    /**
     * Writing is over; the bytes go on to disk in the background while the temp file is read back
     * for verification ({@link #commit()} waits for them).
     */
    void finishWriting() {
        if (writeBehind != null) {
            writeBehind.writingDone();
        }
    }

    /** Waits until the bytes are on disk, then closes the channel. */
    private void awaitOnDisk() throws IOException {
        if (writeBehind != null) {
            writeBehind.awaitOnDisk();
            writeBehind = null;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /** Renames the finished temp file to the target in one atomic step. */
    void commit() throws IOException {
        awaitOnDisk();
        if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " appeared while converting; not replaced");
        }
        try {
            if (replace) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target.getParent()
                    + " cannot rename atomically", e);
        }
        committed = true;
    }

    /** Removes the committed file again (a later part of the same conversion failed). */
    void rollBack() {
        if (committed) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // Best effort: the failure being reported matters more.
            }
        }
    }

    @Override
    public void close() {
        if (writeBehind != null) {
            writeBehind.close();
            writeBehind = null;
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a file we are about to delete; nothing to do.
            }
            channel = null;
        }
        if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A leftover keeps its recognisable name; TempFiles.cleanStale removes it later.
            }
        }
    }
}
