package dev.kerasview.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.TestEnvironment;
import dev.kerasview.archive.ZipArchive;
import dev.kerasview.archive.ZipEntryInfo;
import dev.kerasview.model.FileFormat;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.WeightsLayout;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherFormatsTest {

    private static final Path FIX = Path.of("src/test/resources/fixtures");

    @TempDir
    Path tmp;

    @Test
    void unzippedKerasFolderReadsLikeTheArchive() throws Exception {
        Path dir = tmp.resolve("mlp_dir");
        Files.createDirectories(dir);
        try (ZipArchive zip = ZipArchive.open(FIX.resolve("mlp/mlp.keras"))) {
            for (ZipEntryInfo e : zip.entries()) {
                Files.write(dir.resolve(e.name()), zip.readBytes(e, Long.MAX_VALUE));
            }
        }
        try (OpenModel m = ModelReader.open(dir, null)) {
            assertEquals(FileFormat.KERAS_DIRECTORY, m.model().format());
            assertEquals("3.15.1", m.model().kerasVersion());
            LayerNode in = m.model().root().children().get(0);
            assertEquals("kernel", in.variables().get(0).name());
            assertEquals(5.05336711, m.tensors().statistics(in.variables().get(0), 0).sum(), 1e-6);
        }
    }

    @Test
    void deflatedArchiveEntriesAreInflatedAndReadLikeStoredOnes() throws Exception {
        Path f = tmp.resolve("deflated.keras");
        try (ZipArchive zip = ZipArchive.open(FIX.resolve("mlp/mlp.keras"));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(f))) {
            for (ZipEntryInfo e : zip.entries()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.name()));
                out.write(zip.readBytes(e, Long.MAX_VALUE));
                out.closeEntry();
            }
        }
        try (ZipArchive zip = ZipArchive.open(f)) {
            assertEquals(ZipEntryInfo.DEFLATED, zip.entry("model.weights.h5").orElseThrow().method());
        }
        try (OpenModel m = ModelReader.open(f, null)) {
            LayerNode out = m.model().root().children().stream()
                    .filter(c -> c.name().equals("dense_out")).findFirst().orElseThrow();
            // Keras ground truth for mlp: dense_out kernel sum=3.13361522.
            assertEquals(3.13361522, m.tensors().statistics(out.variables().get(0), 0).sum(), 1e-7);
        }
    }

    @Test
    void legacyFileNamedKerasIsReadByContentAndTheSuffixIsReported() throws Exception {
        Path f = tmp.resolve("mlp.keras");
        Files.copy(FIX.resolve("mlp/mlp.h5"), f);
        try (OpenModel m = ModelReader.open(f, null)) {
            assertEquals(FileFormat.LEGACY_H5, m.model().format());
            assertTrue(m.model().problems().stream().anyMatch(p -> p.code() == FindingCode.SUFFIX_MISMATCH));
        }
    }

    @Test
    void weightsFileAloneShowsGroupsWithTheirNameAttributes() throws Exception {
        try (OpenModel m = ModelReader.open(FIX.resolve("compiled_trained/compiled_trained.weights.h5"), null)) {
            assertEquals(FileFormat.WEIGHTS_H5, m.model().format());
            LayerNode root = m.model().root();
            assertTrue(root.children().stream().anyMatch(c -> c.name().equals("hidden")
                    && c.kind() == LayerKind.WEIGHTS_GROUP && c.variables().size() == 2));
            assertTrue(root.children().stream().anyMatch(c -> c.kind() == LayerKind.OPTIMIZER
                    && c.variables().size() == 10));
        }
    }

    @Test
    void copyRawStreamsLittleEndianElementsThatSumLikeTheStatistics() throws Exception {
        try (OpenModel m = ModelReader.open(FIX.resolve("mixed/mixed.keras"), null)) {
            for (LayerNode l : m.model().root().children()) {
                for (VariableInfo v : l.variables()) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    m.tensors().copyRaw(v, Channels.newChannel(out));
                    int size = (int) (v.byteSize() / Math.max(1, v.elementCount()));
                    assertEquals(v.byteSize(), out.size(), v.path());
                    ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
                    double sum = 0;
                    while (b.hasRemaining()) {
                        sum += switch (v.dtype()) {
                            case "float32" -> b.getFloat();
                            case "int32" -> b.getInt();
                            case "float16" -> half(b.getShort());
                            default -> throw new AssertionError(v.dtype() + " " + size);
                        };
                    }
                    assertEquals(m.tensors().statistics(v, 0).sum(), sum, 1e-9, v.path());
                }
            }
        }
    }

    @Test
    void shardedWeightsIndexOpensEveryShard() throws Exception {
        Path py = TestEnvironment.assumeH5py();
        Path script = tmp.resolve("shard.py");
        Files.writeString(script, String.join("\n",
                "import h5py, json, sys",
                "src, out = sys.argv[1], sys.argv[2]",
                "wm = {}",
                "with h5py.File(src) as s, h5py.File(out + '/m_00000.weights.h5', 'w') as a, "
                        + "h5py.File(out + '/m_00001.weights.h5', 'w') as b:",
                "    for i, name in enumerate(['dense', 'batch_normalization', 'dropout', 'dense_1', 'dense_2']):",
                "        t = a if i < 2 else b",
                "        s.copy(s['layers/' + name], t, name='layers/' + name)",
                "        if len(s['layers/' + name + '/vars']):",
                "            wm['/layers/' + name + '/vars'] = ['m_0000%d.weights.h5' % (0 if i < 2 else 1)]",
                "    s.copy(s['vars'], a, name='vars')",
                "json.dump({'metadata': {'total_size': 1.0}, 'weight_map': wm}, open(out + '/m.weights.json', 'w'), indent=4)",
                ""));
        Process p = new ProcessBuilder(py.toString(), script.toString(),
                FIX.resolve("mlp/mlp.weights.h5").toString(), tmp.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "h5py could not shard: " + log);
        try (OpenModel m = ModelReader.open(FIX.resolve("mlp/mlp.json"), tmp.resolve("m.weights.json"))) {
            assertEquals(WeightsLayout.KERAS3, m.model().weightsLayout());
            LayerNode out = m.model().root().children().stream()
                    .filter(c -> c.name().equals("dense_out")).findFirst().orElseThrow();
            VariableInfo bias = out.variables().get(1);
            assertNotNull(bias.file());
            assertEquals("m_00001.weights.h5", bias.file());
            // Keras ground truth for mlp: dense_out bias sum=-0.395705588.
            assertEquals(-0.395705588, m.tensors().statistics(bias, 0).sum(), 1e-8);
        }
    }

    /** Independent binary16 decoding: sign * 2^(e-15) * (1 + m/1024), subnormals 2^-14 * m/1024. */
    private static double half(short h) {
        int e = (h >> 10) & 0x1F;
        int mant = h & 0x3FF;
        double sign = (h & 0x8000) != 0 ? -1 : 1;
        if (e == 0) {
            return sign * Math.pow(2, -14) * mant / 1024.0;
        }
        if (e == 31) {
            return mant == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        return sign * Math.pow(2, e - 15) * (1 + mant / 1024.0);
    }
}
