package dev.kerasview.convert;

import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.hdf5.writer.DataSource;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Streams variables from the source store into the writer, counting bytes for progress,
 * checking for cancellation within each dataset, and hashing what passed (SHA-256) so the
 * output can be compared with the source afterwards.
 */
final class TensorCopier {

    /** Signals a cancel from inside a channel write, where only IOException may be thrown. */
    static final class CancelledWrite extends IOException {
        CancelledWrite() {
            super("cancelled");
        }
    }

    private final TensorStore source;
    private final ConversionProgress progress;
    private final CancellationToken cancel;
    private final long total;
    private final Map<String, String> hashes = new HashMap<>();
    private long done;
    private String phase = "writing";

    TensorCopier(TensorStore source, ConversionProgress progress, CancellationToken cancel, long total) {
        this.source = source;
        this.progress = progress;
        this.cancel = cancel;
        this.total = total;
    }

    /** A data source that copies {@code v} and records its hash under its source path. */
    DataSource dataSource(VariableInfo v, String label) {
        return out -> {
            checkCancel();
            progress.update(Math.min(done, total), total, phase + " " + label);
            HashingChannel ch = new HashingChannel(out, label);
            source.copyRaw(v, ch);
            if (ch.count != v.byteSize()) {
                throw new IOException(label + ": the source gave " + ch.count + " bytes, "
                        + v.byteSize() + " expected");
            }
            hashes.put(v.path(), ch.hex());
        };
    }

    /** Hash of a variable's bytes read from {@code store} (counting towards progress). */
    String hash(TensorStore store, VariableInfo v, String label) throws IOException {
        checkCancel();
        progress.update(Math.min(done, total), total, phase + " " + label);
        HashingChannel ch = new HashingChannel(null, label);
        store.copyRaw(v, ch);
        return ch.hex();
    }

    /** The SHA-256 of the bytes written for a source path, or null. */
    String sourceHash(String sourcePath) {
        return hashes.get(sourcePath);
    }

    /** Switches the progress label (writing, verifying). */
    void phase(String name) {
        this.phase = name;
    }

    long done() {
        return done;
    }

    void checkCancel() throws CancelledWrite {
        if (cancel.isCancelled()) {
            throw new CancelledWrite();
        }
    }

    private final class HashingChannel implements WritableByteChannel {
        private final WritableByteChannel target;
        private final MessageDigest digest;
        private final String label;
        private long count;
        private long lastReport;

        HashingChannel(WritableByteChannel target, String label) {
            this.target = target;
            this.label = label;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            checkCancel();
            ByteBuffer view = src.duplicate();
            int n;
            if (target == null) {
                n = src.remaining();
                src.position(src.limit());
            } else {
                n = target.write(src);
            }
            view.limit(view.position() + n);
            digest.update(view);
            count += n;
            done += n;
            if (count - lastReport >= (1 << 20)) {
                lastReport = count;
                progress.update(Math.min(done, total), total, phase + " " + label);
            }
            return n;
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            // The writer owns the underlying channel.
        }
    }
}
