package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.hdf5.FileRegion;
import dev.kerasview.hdf5.writer.TransferTarget;
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
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies of tensors from a model Keras wrote (cnn.keras). */
class TensorCopierTest {

    @TempDir
    Path dir;

    private final Path source = Fixtures.file("cnn", ".keras");

    @Test
    void aPlainChannelReceivesTheStoredBytesThroughBuffers() throws Exception {
        try (OpenModel m = ModelReader.open(source, null)) {
            TensorCopier copier = new TensorCopier(m.tensors(), meter(CancellationToken.NEVER));
            for (VariableInfo v : m.model().root().allVariables()) {
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
            TensorCopier copier = new TensorCopier(m.tensors(), meter(CancellationToken.NEVER));
            int transferred = 0;
            for (VariableInfo v : m.model().root().allVariables()) {
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
            TensorCopier copier = new TensorCopier(m.tensors(), meter(() -> true));
            VariableInfo v = m.model().root().allVariables().get(0);
            assertThrows(ProgressMeter.Cancelled.class,
                    () -> copier.dataSource(v, v.path()).writeTo(new RecordingTarget()));
        }
    }

    private static ProgressMeter meter(CancellationToken cancel) {
        return new ProgressMeter(ConversionProgress.NONE, cancel, 0);
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
}
