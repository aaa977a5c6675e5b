package dev.kerasview.convert;

import dev.kerasview.archive.StoredZipWriter;
import dev.kerasview.hdf5.writer.GroupWriter;
import dev.kerasview.hdf5.writer.Hdf5Writer;
import dev.kerasview.model.Product;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes a {@code .keras} archive as Keras 3.15.1 does: STORED entries {@code metadata.json},
 * {@code config.json} and {@code model.weights.h5}, the weights streamed straight into the archive
 * in the object-walk layout.
 */
final class KerasArchiveWriter {

    /** The Keras version whose form is written. */
    static final String KERAS_VERSION = Product.KERAS_MODELLED;
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");
    /** Metadata beyond the tensors; ZIP64 sizes are reserved well before 4 GiB. */
    private static final long ZIP64_MARGIN = 1L << 30;

    private final TensorCopier copier;

    KerasArchiveWriter(TensorCopier copier) {
        this.copier = copier;
    }

    /** Writes the archive to {@code out} from byte 0. */
    void write(FileChannel out, String configJson, KerasLayout layout, LocalDateTime now) throws IOException {
        StoredZipWriter zip = new StoredZipWriter(out, now);
        String metadata = "{\"keras_version\": \"" + KERAS_VERSION + "\", \"date_saved\": \""
                + SAVED.format(now) + "\"}";
        zip.add("metadata.json", metadata.getBytes(StandardCharsets.UTF_8));
        zip.add("config.json", configJson.getBytes(StandardCharsets.UTF_8));
        long base = zip.beginEntry("model.weights.h5", layout.totalBytes() > 0xFFFFFFFFL - ZIP64_MARGIN);
        long size;
        int crc;
        try (Hdf5Writer h5 = new Hdf5Writer(out, base, true)) {
            writeGroups(h5.root(), layout);
            h5.close();
            size = h5.bytesWritten();
            crc = h5.crc32();
        }
        zip.endEntry(size, crc);
        zip.finish();
    }

    private void writeGroups(GroupWriter root, KerasLayout layout) throws IOException {
        VarsGroupWriter writer = new VarsGroupWriter(copier);
        for (KerasLayout.VarsGroup g : layout.groups()) {
            writer.write(root, g.path(), g.name(), VarsGroupWriter.indexed(g));
        }
    }
}
