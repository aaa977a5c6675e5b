package dev.kerasview.convert;

import dev.kerasview.hdf5.writer.Hdf5Writer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON architecture with sharded Keras 3 weights ({@code <stem>.json}, {@code
 * <stem>.weights.json}, {@code <stem>_NNNNN.weights.h5}), written into a staging folder under
 * their final names, then renamed into place: shards first, the index, the architecture last,
 * so an architecture is never left without its weights.
 */
final class ShardedOutput implements AutoCloseable {

    private final StagingFolder staging;
    private final AtomicOutput json;
    private final AtomicOutput index;
    private final List<AtomicOutput> shards = new ArrayList<>();
    private final List<AtomicOutput> committed = new ArrayList<>();
    private final boolean force;

    private ShardedOutput(StagingFolder staging, AtomicOutput json, AtomicOutput index, boolean force) {
        this.staging = staging;
        this.json = json;
        this.index = index;
        this.force = force;
    }

    /** Creates the staging folder and the architecture's and index's files. */
    static ShardedOutput create(Path json, Path index, boolean force) throws ConversionException {
        StagingFolder staging = StagingFolder.create(json);
        try {
            AtomicOutput j = AtomicOutput.staged(json, force, staging);
            try {
                return new ShardedOutput(staging, j, AtomicOutput.staged(index, force, staging), force);
            } catch (ConversionException e) {
                j.close();
                throw e;
            }
        } catch (ConversionException e) {
            staging.close();
            throw e;
        }
    }

    /** Writes every file of {@code plan}: the architecture text, each shard, the index. */
    void write(String architecture, ShardPlan plan, TensorCopier copier) throws IOException, ConversionException {
        writeText(json, architecture);
        VarsGroupWriter groups = new VarsGroupWriter(copier);
        for (ShardPlan.Shard s : plan.shards()) {
            AtomicOutput out = AtomicOutput.staged(index.target().resolveSibling(s.fileName()), force, staging);
            shards.add(out);
            try (Hdf5Writer w = new Hdf5Writer(out.channel())) {
                for (ShardPlan.Group g : s.groups()) {
                    groups.write(w.root(), g.path(), g.name(), g.variables());
                }
            }
            out.finishWriting();
        }
        writeText(index, ShardIndexJson.of(plan));
    }

    private static void writeText(AtomicOutput out, String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            out.channel().write(buf);
        }
        out.finishWriting();
    }

    /** The architecture as written, under its final name (in the staging folder until committed). */
    Path stagedJson() {
        return json.temp();
    }

    /** The index as written, under its final name. */
    Path stagedIndex() {
        return index.temp();
    }

    /** The final paths, architecture first, then the index and the shards. */
    List<Path> targets() {
        List<Path> out = new ArrayList<>(List.of(json.target(), index.target()));
        shards.forEach(s -> out.add(s.target()));
        return out;
    }

    /** Renames every file into place; on a failure the ones already renamed are removed again. */
    void commit() throws IOException {
        List<AtomicOutput> order = new ArrayList<>(shards);
        order.add(index);
        order.add(json);
        try {
            for (AtomicOutput o : order) {
                o.commit();
                committed.add(o);
            }
        } catch (IOException | RuntimeException e) {
            rollBack();
            throw e;
        }
    }

    /** Removes the files already renamed into place. */
    void rollBack() {
        committed.forEach(AtomicOutput::rollBack);
        committed.clear();
    }

    @Override
    public void close() {
        json.close();
        index.close();
        shards.forEach(AtomicOutput::close);
        staging.close();
    }
}
