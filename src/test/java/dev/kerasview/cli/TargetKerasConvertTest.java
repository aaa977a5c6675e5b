package dev.kerasview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.config.KerasJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convert --to keras --target-keras V} on the files Keras 3.15.1 and 3.14.0 saved
 * (../shared/compat/saved-by, copied into the test resources): every older modelled version's
 * load replay accepts the output (with the file's own custom class registered, as DESIGN's
 * {@code loads} means), whose tensors the converter read back identical; a value
 * with no equivalent in V is refused.
 */
class TargetKerasConvertTest {

    private static final Path SAVED_BY = Path.of("src/test/resources/compat/saved-by");

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = KerasviewCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void everyNewerSavedFileConvertsToAFileEachOlderVersionLoads() throws IOException {
        KerasVersionTable versions = new KerasVersionTable();
        List<String> failures = new ArrayList<>();
        int converted = 0;
        for (String saver : List.of("3.14.0", "3.15.1")) {
            KerasRelease saved = versions.resolve(saver).orElseThrow();
            List<Path> files;
            try (Stream<Path> s = Files.list(SAVED_BY.resolve(saver))) {
                files = s.filter(p -> p.toString().endsWith(".keras") || p.toString().endsWith(".h5"))
                        .sorted().toList();
            }
            for (Path file : files) {
                for (KerasRelease target : versions.releases()) {
                    if (target.version().compareTo(saved.version()) >= 0) {
                        continue;
                    }
                    Path out = tmp.resolve(target.version() + "-" + saver + "-" + file.getFileName() + ".keras");
                    Run c = run("convert", file.toString(), "--to", "keras", "--target-keras",
                            target.version().toString(), "-o", out.toString(), "--allow-custom-code");
                    converted++;
                    if (c.exit() != 0) {
                        failures.add(saver + "/" + file.getFileName() + " for " + target.version() + ": " + c.err());
                        continue;
                    }
                    assertTrue(c.out().contains("read back identical"), c.out());
                    JsonNode compat = KerasJson.parse(run("compat", out.toString(), "--json").out());
                    for (JsonNode v : compat.get("versions")) {
                        if (v.get("keras").asText().equals(target.version().toString()) && !v.get("loads").asBoolean()) {
                            failures.add(saver + "/" + file.getFileName() + " for " + target.version()
                                    + ": the output does not load: " + v.get("findings").get(0).get("message"));
                        }
                    }
                }
            }
        }
        System.out.println("convert --target-keras: " + (converted - failures.size()) + "/" + converted
                + " outputs load in their target version's replay");
        assertEquals(List.of(), failures);
    }

    @Test
    void aNonDefaultValueTheTargetDoesNotKnowIsRefusedAndNothingIsWritten() throws IOException {
        // The real 3.14.0 cnn.keras with BatchNormalization renorm switched on: 3.13 has no renorm.
        Path source = SAVED_BY.resolve("3.14.0/cnn.keras");
        Path edited = tmp.resolve("cnn-renorm.keras");
        try (ZipFile in = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(edited))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("config.json")) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    assertTrue(text.contains("\"renorm\": false"), "the saved config has renorm");
                    bytes = text.replace("\"renorm\": false", "\"renorm\": true").getBytes(StandardCharsets.UTF_8);
                }
                // STORED, as Keras writes it: readers take the weights' bytes in place.
                ZipEntry stored = new ZipEntry(e.getName());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                stored.setCrc(crc.getValue());
                out.putNextEntry(stored);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Path target = tmp.resolve("cnn-3.13.keras");
        Run r = run("convert", edited.toString(), "--to", "keras", "--target-keras", "3.13", "-o", target.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("renorm"), r.err());
        assertFalse(Files.exists(target), "nothing left behind");
    }

    @Test
    void targetKerasNeedsAKerasOutputAndAModelledVersion() {
        String file = SAVED_BY.resolve("3.15.1/mlp.keras").toString();
        assertEquals(2, run("convert", file, "--to", "h5", "--target-keras", "3.12").exit());
        assertEquals(2, run("convert", file, "--to", "keras", "--target-keras", "2.15").exit());
    }
}
