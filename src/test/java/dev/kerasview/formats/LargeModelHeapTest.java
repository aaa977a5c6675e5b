package dev.kerasview.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kerasview.TestEnvironment;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A .keras whose kernels (64 MiB each, 128 MiB in all) are each larger than the child JVM's whole
 * heap (48 MiB): inspect must list the tree and stream statistics without ever holding a tensor.
 */
class LargeModelHeapTest {

    private static final int ROWS = 4096;
    private static final int COLS = 4096;

    @TempDir
    Path tmp;

    @Test
    void inspectWithStatsOfDatasetsEachLargerThanTheHeapSucceedsIn48MiB() throws Exception {
        Path python = TestEnvironment.assumeH5py();
        Path h5 = tmp.resolve("model.weights.h5");
        String script = String.join("\n",
                "import h5py, numpy as np, sys",
                "R, C = " + ROWS + ", " + COLS,
                "with h5py.File(sys.argv[1], 'w') as f:",
                "    f.create_group('vars').attrs['name'] = 'big'",
                "    for grp, shape, val, bias in (('layers/dense', (R, C), 0.25, C), ('layers/dense_1', (C, R), -0.5, R)):",
                "        v = f.create_group(grp + '/vars')",
                "        v.attrs['name'] = grp.split('/')[-1]",
                "        d = v.create_dataset('0', shape, dtype='float32')",
                "        for i in range(0, shape[0], 256):",
                "            d[i:i + 256] = np.full((min(256, shape[0] - i), shape[1]), val, dtype='float32')",
                "        v.create_dataset('1', data=np.ones(bias, dtype='float32'))",
                "");
        Path py = tmp.resolve("make.py");
        Files.writeString(py, script);
        Process p = new ProcessBuilder(python.toString(), py.toString(), h5.toString())
                .redirectErrorStream(true).start();
        String pyOut = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, pyOut);
        assertTrue(Files.size(h5) > 128L * 1024 * 1024, "weights larger than the child heap");

        String config = "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {"
                + "\"name\": \"big\", \"trainable\": true, \"layers\": ["
                + "{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"config\": "
                + "{\"batch_shape\": [null, " + ROWS + "], \"dtype\": \"float32\", \"name\": \"x\"}, "
                + "\"registered_name\": null}, "
                + dense("big1", COLS, ROWS) + ", " + dense("big2", ROWS, COLS)
                + "]}, \"registered_name\": null}";
        Path archive = tmp.resolve("big.keras");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            stored(zip, "metadata.json", tmp, "{\"keras_version\": \"3.15.1\", \"date_saved\": \"x\"}"
                    .getBytes());
            stored(zip, "config.json", tmp, config.getBytes());
            storedFile(zip, "model.weights.h5", h5);
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx48m", "-Dorg.slf4j.simpleLogger.log.io.jhdf=warn",
                "-cp", System.getProperty("java.class.path"), "dev.kerasview.Main", "inspect",
                archive.toString(), "--json", "--stats").redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = child.getInputStream().readAllBytes();
        String err = new String(child.getErrorStream().readAllBytes());
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "child finished");
        assertEquals(0, child.exitValue(), err);
        JsonNode json = new ObjectMapper().readTree(out);
        JsonNode layers = json.path("model").path("layers");
        assertEquals(2, layers.size(), json.toString());
        JsonNode k1 = layers.get(0).path("variables").get(0);
        assertEquals("kernel", k1.path("name").asText());
        assertEquals(List.of(ROWS, COLS), List.of(k1.path("shape").get(0).asInt(), k1.path("shape").get(1).asInt()));
        assertEquals(0.25 * ROWS * COLS, k1.path("sum").asDouble(), 0.0);
        JsonNode k2 = layers.get(1).path("variables").get(0);
        assertEquals(-0.5 * ROWS * COLS, k2.path("sum").asDouble(), 0.0);
        assertEquals(-0.5, k2.path("mean").asDouble(), 0.0);
    }

    private static String dense(String name, int units, int in) {
        return "{\"module\": \"keras.layers\", \"class_name\": \"Dense\", \"config\": {\"name\": \""
                + name + "\", \"trainable\": true, \"units\": " + units + ", \"use_bias\": true}, "
                + "\"registered_name\": null, \"build_config\": {\"input_shape\": [null, " + in + "]}}";
    }

    private static void stored(ZipOutputStream zip, String name, Path tmp, byte[] data) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, data);
        storedFile(zip, name, f);
    }

    private static void storedFile(ZipOutputStream zip, String name, Path f) throws Exception {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                crc.update(buf, 0, n);
            }
        }
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(Files.size(f));
        e.setCompressedSize(Files.size(f));
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        try (InputStream in = Files.newInputStream(f)) {
            in.transferTo(zip);
        }
        zip.closeEntry();
    }
}
