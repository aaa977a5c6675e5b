package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.hdf5.FileRegion;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte-for-byte comparisons of tensors of a model Keras wrote (cnn.keras) with a damaged copy. */
class TensorComparerTest {

    @TempDir
    Path dir;

    private final Path source = Fixtures.file("cnn", ".keras");

    @Test
    void comparisonFindsTheOneByteChangedInsideATensorAndNothingElsewhere() throws Exception {
        Path changed = dir.resolve("changed.keras");
        Files.copy(source, changed);
        try (OpenModel original = ModelReader.open(source, null)) {
            List<VariableInfo> vars = original.model().root().allVariables();
            VariableInfo target = vars.stream().max(Comparator.comparingLong(VariableInfo::byteSize)).orElseThrow();
            FileRegion region = original.tensors().storedRegion(target).orElseThrow();
            long at = region.length() / 2 + 3;
            flipByte(changed, region.offset() + at);
            try (OpenModel copy = ModelReader.open(changed, null)) {
                TensorComparer comparer = new TensorComparer(original.tensors(), meter());
                List<TensorComparer.Comparison> all = vars.stream()
                        .map(v -> new TensorComparer.Comparison(v, v, v.path())).toList();
                long[] differences = comparer.firstDifferences(copy.tensors(), all);
                for (int i = 0; i < vars.size(); i++) {
                    assertEquals(vars.get(i) == target ? at : -1, differences[i], vars.get(i).path());
                }
            }
        }
    }

    @Test
    void aTensorOfAnotherLengthDiffersWhereTheShorterOneEnds() throws Exception {
        try (OpenModel m = ModelReader.open(source, null)) {
            List<VariableInfo> vars = m.model().root().allVariables();
            vars.sort(Comparator.comparingLong(VariableInfo::byteSize));
            VariableInfo small = vars.get(0);
            VariableInfo large = vars.get(vars.size() - 1);
            long difference = new TensorComparer(m.tensors(), meter()).firstDifferences(m.tensors(),
                    List.of(new TensorComparer.Comparison(large, small, "x")))[0];
            assertTrue(difference >= 0 && difference <= small.byteSize(), "difference at " + difference);
        }
    }

    @Test
    void aCancelStopsTheComparison() throws Exception {
        try (OpenModel m = ModelReader.open(source, null)) {
            List<TensorComparer.Comparison> all = m.model().root().allVariables().stream()
                    .map(v -> new TensorComparer.Comparison(v, v, v.path())).toList();
            ProgressMeter cancelled = new ProgressMeter(ConversionProgress.NONE, () -> true, 0);
            // The cancel raised on a helper thread reaches the caller as the same signal.
            assertThrows(ProgressMeter.Cancelled.class,
                    () -> new TensorComparer(m.tensors(), cancelled).firstDifferences(m.tensors(), all));
        }
    }

    private static ProgressMeter meter() {
        return new ProgressMeter(ConversionProgress.NONE, CancellationToken.NEVER, 0);
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, position);
            b.put(0, (byte) ~b.get(0)).rewind();
            ch.write(b, position);
        }
    }
}
