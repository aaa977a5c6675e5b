package dev.kerasview.convert;

import dev.kerasview.hdf5.writer.AttributeValue;
import dev.kerasview.hdf5.writer.GroupWriter;
import dev.kerasview.hdf5.writer.StringEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes weights in Keras's legacy layout (KERAS_FORMATS.md §6.2): {@code layer_names},
 * one group per layer with {@code weight_names} and datasets at those relative paths,
 * {@code top_level_model_weights}, and {@code optimizer_weights}.
 */
final class LegacyLayoutWriter {

    /** HDF5's object-header limit Keras splits string-array attributes at. */
    static final int HEADER_LIMIT = 64512;

    private final TensorCopier copier;

    LegacyLayoutWriter(TensorCopier copier) {
        this.copier = copier;
    }

    /** Writes {@code layer_names}, {@code backend}, {@code keras_version} and the layer groups into {@code g}. */
    void writeLayers(GroupWriter g, WeightPlan plan, String backend, String kerasVersion)
            throws IOException {
        List<String> names = plan.layers().stream().map(PlannedLayer::name).toList();
        stringArrayAttribute(g, "layer_names", names);
        g.attribute("backend", AttributeValue.string(backend, StringEncoding.VLEN_ASCII));
        g.attribute("keras_version", AttributeValue.string(kerasVersion, StringEncoding.VLEN_ASCII));
        // Keras creates the groups in name order so that no name is a prefix of a later one.
        List<PlannedLayer> sorted = new ArrayList<>(plan.layers());
        sorted.sort(Comparator.comparing(PlannedLayer::name));
        for (PlannedLayer layer : sorted) {
            writeWeights(g.group(layer.name()), layer.weights(), layer.name());
        }
        writeWeights(g.group("top_level_model_weights"), List.of(), "top_level_model_weights");
    }

    /** Writes {@code optimizer_weights} when the plan carries optimizer state. */
    void writeOptimizer(GroupWriter root, WeightPlan plan) throws IOException {
        if (plan.optimizerWeights().isEmpty()) {
            return;
        }
        writeWeights(root.group("optimizer_weights"), plan.optimizerWeights(), "optimizer_weights");
    }

    private void writeWeights(GroupWriter g, List<PlannedWeight> weights, String label) throws IOException {
        List<String> names = weights.stream().map(PlannedWeight::name).toList();
        stringArrayAttribute(g, "weight_names", names);
        for (PlannedWeight w : weights) {
            int slash = w.name().lastIndexOf('/');
            GroupWriter parent = slash < 0 ? g : g.groupPath(w.name().substring(0, slash));
            String key = w.name().substring(slash + 1);
            long[] shape = w.source().shape().stream().mapToLong(Long::longValue).toArray();
            parent.dataset(key, w.source().dtype(), shape,
                    copier.dataSource(w.source(), label + "/" + w.name()));
        }
    }

    /**
     * A string-array attribute as Keras writes it: variable-length ASCII, an empty float64 array
     * when there are no strings, and split into fixed-length chunks {@code name0, name1, ...}
     * when numpy's fixed-length form of it would exceed the header limit.
     */
    static void stringArrayAttribute(GroupWriter g, String name, List<String> values) {
        if (values.isEmpty()) {
            g.attribute(name, AttributeValue.emptyFloat64Array());
            return;
        }
        int maxLen = values.stream().mapToInt(s -> s.getBytes(StandardCharsets.UTF_8).length).max().orElse(0);
        maxLen = Math.max(maxLen, 1);
        int n = values.size();
        int chunks = 1;
        while (largestChunk(n, chunks) * (long) maxLen > HEADER_LIMIT && chunks < n) {
            chunks++;
        }
        if (chunks == 1) {
            g.attribute(name, AttributeValue.strings(values, StringEncoding.VLEN_ASCII));
            return;
        }
        // numpy.array_split: the first n % k chunks hold one element more.
        int start = 0;
        for (int i = 0; i < chunks; i++) {
            int size = n / chunks + (i < n % chunks ? 1 : 0);
            g.attribute(name + i, AttributeValue.strings(values.subList(start, start + size),
                    StringEncoding.FIXED_ASCII));
            start += size;
        }
    }

    private static int largestChunk(int n, int chunks) {
        return n / chunks + (n % chunks == 0 ? 0 : 1);
    }
}
