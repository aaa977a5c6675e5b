package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.hdf5.FileRegion;
import dev.kerasview.hdf5.writer.TransferTarget;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies and comparisons of tensors from a model Keras wrote (cnn.keras). */
class TensorCopierTest {

    @TempDir
    Path dir;

    private final Path source = Fixtures.file("cnn", ".keras");

    @Test
    void comparisonFindsTheOneByteChangedInsideATensorAndNothingElsewhere() throws Exception {
        Path changed = dir.resolve("changed.keras");
        Files.copy(source, changed);
        try (OpenModel original = ModelReader.open(source, null)) {
            List<VariableInfo> vars = variables(original);
            VariableInfo target = vars.stream().max(Comparator.comparingLong(VariableInfo::byteSize)).orElseThrow();
            FileRegion region = original.tensors().storedRegion(target).orElseThrow();
            long at = region.length() / 2 + 3;
            flipByte(changed, region.offset() + at);
            try (OpenModel copy = ModelReader.open(changed, null)) {
                TensorCopier copier = new TensorCopier(original.tensors(), ConversionProgress.NONE,
                        CancellationToken.NEVER, 0);
                for (VariableInfo v : vars) {
                    long difference = copier.firstDifference(copy.tensors(), v, v, v.path());
                    assertEquals(v == target ? at : -1, difference, v.path());
                }
                // The same on the verifier's threads, with results in the order asked.
                List<TensorCopier.Comparison> all = vars.stream()
                        .map(v -> new TensorCopier.Comparison(v, v, v.path())).toList();
                long[] differences = copier.firstDifferences(copy.tensors(), all);
                for (int i = 0; i < vars.size(); i++) {
                    assertEquals(vars.get(i) == target ? at : -1, differences[i], vars.get(i).path());
                }
            }
        }
    }

    @Test
    void aTensorOfAnotherLengthDiffersWhereTheShorterOneEnds() throws Exception {
        try (OpenModel m = ModelReader.open(source, null)) {
            List<VariableInfo> vars = variables(m);
            vars.sort(Comparator.comparingLong(VariableInfo::byteSize));
            VariableInfo small = vars.get(0);
            VariableInfo large = vars.get(vars.size() - 1);
            TensorCopier copier = new TensorCopier(m.tensors(), ConversionProgress.NONE, CancellationToken.NEVER, 0);
            long difference = copier.firstDifference(m.tensors(), large, small, "x");
            assertTrue(difference >= 0 && difference <= small.byteSize(), "difference at " + difference);
        }
    }

    @Test
    void aPlainChannelReceivesTheStoredBytesThroughBuffers() throws Exception {
        try (OpenModel m = ModelReader.open(source, null)) {
            TensorCopier copier = new TensorCopier(m.tensors(), ConversionProgress.NONE, CancellationToken.NEVER, 0);
            for (VariableInfo v : variables(m)) {
                ByteArrayOutputStream viaCopier = new ByteArrayOutputStream();
                copier.dataSource(v, v.path()).writeTo(Channels.newChannel(viaCopier));
                ByteArrayOutputStream direct = new ByteArrayOutputStream();
                m.tensors().copyRaw(v, Channels.newChannel(direct));
                assertArrayEquals(direct.toByteArray(), viaCopier.toByteArray(), v.path());
            }
        }
    }

    @Test
    void tensorsLyingInTheFileAreHandedToTheKernelAsFileRegions() throws Exception {
        try (OpenModel m = ModelReader.open(source, null)) {
            TensorCopier copier = new TensorCopier(m.tensors(), ConversionProgress.NONE, CancellationToken.NEVER, 0);
            int transferred = 0;
            for (VariableInfo v : variables(m)) {
                RecordingTarget target = new RecordingTarget();
                copier.dataSource(v, v.path()).writeTo(target);
                ByteArrayOutputStream direct = new ByteArrayOutputStream();
                m.tensors().copyRaw(v, Channels.newChannel(direct));
                assertArrayEquals(direct.toByteArray(), target.bytes.toByteArray(), v.path());
                if (m.tensors().storedRegion(v).isPresent()) {
                    assertTrue(target.transfers > 0 && target.writes == 0, v.path() + " went through buffers");
                    transferred++;
                }
            }
            assertTrue(transferred > 0);
        }
    }

    @Test
    void aCancelDuringTheCopyStopsIt() throws Exception {
        try (OpenModel m = ModelReader.open(source, null)) {
            TensorCopier copier = new TensorCopier(m.tensors(), ConversionProgress.NONE, () -> true, 0);
            VariableInfo v = variables(m).get(0);
            assertThrows(TensorCopier.CancelledWrite.class,
                    () -> copier.dataSource(v, v.path()).writeTo(new RecordingTarget()));
        }
    }

    /** Performs transfers itself, so the bytes can be checked, and counts which path was taken. */
    private static final class RecordingTarget implements TransferTarget {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final WritableByteChannel sink = Channels.newChannel(bytes);
        int transfers;
        int writes;

        @Override
        public void transferFrom(FileChannel source, long position, long count) throws IOException {
            transfers++;
            ByteBuffer b = ByteBuffer.allocate((int) count);
            while (b.hasRemaining() && source.read(b, position + b.position()) > 0) {
                // until full
            }
            b.flip();
            sink.write(b);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            writes++;
            return sink.write(src);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, position);
            b.put(0, (byte) ~b.get(0)).rewind();
            ch.write(b, position);
        }
    }

    private static List<VariableInfo> variables(OpenModel m) {
        List<VariableInfo> out = new ArrayList<>();
        collect(m.model().root(), out);
        return out;
    }

    private static void collect(LayerNode n, List<VariableInfo> out) {
        out.addAll(n.variables());
        n.children().forEach(c -> collect(c, out));
    }
}
