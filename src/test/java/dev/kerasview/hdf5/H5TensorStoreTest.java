package dev.kerasview.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.VariableInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three ways to get a variable's bytes agree, on files Keras wrote. */
class H5TensorStoreTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @ParameterizedTest
    @ValueSource(strings = {"cnn/cnn.keras", "cnn/cnn.h5", "rnn/rnn.keras", "bfloat16/bfloat16.keras"})
    void pushedPulledAndFileRegionBytesAreTheSame(String file) throws Exception {
        int regions = 0;
        try (OpenModel m = ModelReader.open(FIXTURES.resolve(file), null)) {
            List<VariableInfo> vars = m.model().root().allVariables();
            assertTrue(vars.size() > 2, file + " has variables");
            for (VariableInfo v : vars) {
                ByteArrayOutputStream pushed = new ByteArrayOutputStream();
                m.tensors().copyRaw(v, Channels.newChannel(pushed));
                assertEquals(v.byteSize(), pushed.size(), v.path());
                assertArrayEquals(pushed.toByteArray(), pull(m.tensors().openRaw(v)), v.path());
                Optional<FileRegion> region = m.tensors().storedRegion(v);
                if (region.isPresent()) {
                    regions++;
                    assertEquals(v.byteSize(), region.get().length(), v.path());
                    ByteBuffer b = ByteBuffer.allocate((int) region.get().length());
                    while (b.hasRemaining() && region.get().channel().read(b, region.get().offset() + b.position()) > 0) {
                        // until full
                    }
                    assertArrayEquals(pushed.toByteArray(), b.array(), v.path() + " read at its file region");
                }
            }
        }
        // Keras's files store tensors contiguously in little-endian order, all but the
        // smallest of which (compact storage) lie in the file as they are.
        assertTrue(regions > 0, "some tensor of " + file + " is copied straight from the file");
    }

    private static byte[] pull(ReadableByteChannel ch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(333);
        try (ch) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                out.write(buf.array(), 0, buf.limit());
                buf.clear();
            }
        }
        return out.toByteArray();
    }
}
