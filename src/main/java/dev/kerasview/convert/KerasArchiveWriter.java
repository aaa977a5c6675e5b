package dev.kerasview.convert;

import dev.kerasview.archive.StoredZipWriter;
import dev.kerasview.hdf5.writer.AttributeValue;
import dev.kerasview.hdf5.writer.DatasetWriter;
import dev.kerasview.hdf5.writer.GroupWriter;
import dev.kerasview.hdf5.writer.Hdf5Writer;
import dev.kerasview.hdf5.writer.StringEncoding;
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
        try (Hdf5Writer h5 = new Hdf5Writer(out, base)) {
            writeGroups(h5.root(), layout);
            h5.close();
            size = h5.bytesWritten();
        }
        zip.endEntry(size);
        zip.finish();
    }

    private void writeGroups(GroupWriter root, KerasLayout layout) throws IOException {
        for (KerasLayout.VarsGroup g : layout.groups()) {
            GroupWriter vars = g.path().isEmpty() ? root.group("vars") : root.groupPath(g.path() + "/vars");
            vars.attribute("name", AttributeValue.string(g.name(), StringEncoding.VLEN_UTF8));
            for (int i = 0; i < g.variables().size(); i++) {
                PlannedWeight w = g.variables().get(i);
                long[] shape = w.source().shape().stream().mapToLong(Long::longValue).toArray();
                String label = (g.path().isEmpty() ? "" : g.path() + "/") + "vars/" + i;
                DatasetWriter d = vars.dataset(String.valueOf(i), w.source().dtype(), shape,
                        copier.dataSource(w.source(), label));
                if ("bfloat16".equals(w.source().dtype())) {
                    d.attribute("dtype", AttributeValue.string("bfloat16", StringEncoding.VLEN_UTF8));
                }
            }
        }
    }
}
