package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves dataset bytes stream through: a 512 MB dataset written by a JVM limited to a 32 MB heap. */
class Hdf5WriterStreamingTest {

    private static final int MEGABYTES = 512;

    @TempDir
    Path dir;

    @Test
    void fiveHundredTwelveMegabyteDatasetIsWrittenWithA32MegabyteHeap() throws Exception {
        Path file = dir.resolve("big.h5");
        try {
            Path output = dir.resolve("child.out");
            Process child = new ProcessBuilder(javaExecutable(), "-Xmx32m", "-XX:+UseSerialGC",
                    "-cp", classPath(), StreamingWriteMain.class.getName(), file.toString(), Integer.toString(MEGABYTES))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertEquals(0, child.exitValue(), printed);
            JsonNode figures = new ObjectMapper().readTree(printed.substring(printed.indexOf('{')));
            System.out.println("streamed " + MEGABYTES + " MB with -Xmx32m: peak heap "
                    + figures.get("peakHeapBytes").asLong() / (1024 * 1024) + " MB, "
                    + figures.get("seconds").asDouble() + " s");
            assertTrue(figures.get("peakHeapBytes").asLong() < 32L * 1024 * 1024);

            long dataBytes = (long) MEGABYTES * 1024 * 1024;
            long size = Files.size(file);
            assertTrue(size > dataBytes && size < dataBytes + 64 * 1024, "file size " + size);

            String header = ReferenceReaders.h5dumpOk(file, "-H");
            assertTrue(header.contains("SIMPLE { ( " + dataBytes / 4 / 1024 + ", 1024 )"), header);
            JsonNode sample = ReferenceReaders.python("""
                    import h5py, json, sys
                    d = h5py.File(sys.argv[1], 'r')['model_weights/big/kernel']
                    print(json.dumps({'shape': list(d.shape), 'dtype': str(d.dtype),
                                      'first': d[0, :3].tolist(), 'last': d[-1, -3:].tolist(),
                                      'middle': float(d[70000, 17])}))
                    """, file.toString());
            long rows = dataBytes / 4 / 1024;
            long lastIndex = rows * 1024 - 1;
            assertEquals("[" + rows + ",1024]", sample.get("shape").toString());
            assertEquals("float32", sample.get("dtype").asText());
            assertEquals("[0.0,1.0,2.0]", sample.get("first").toString());
            assertEquals(List.of((lastIndex - 2) % 1000, (lastIndex - 1) % 1000, lastIndex % 1000).toString()
                    .replace(" ", ""), sample.get("last").toString().replace(".0", ""));
            assertEquals((70000L * 1024 + 17) % 1000, sample.get("middle").asLong());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The writer's classes and this test's classes: the child needs nothing else. */
    private static String classPath() throws URISyntaxException {
        Path main = Path.of(Hdf5Writer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path test = Path.of(StreamingWriteMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return main + java.io.File.pathSeparator + test;
    }
}
