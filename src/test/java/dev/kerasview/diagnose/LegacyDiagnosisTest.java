package dev.kerasview.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.cli.KerasviewCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyDiagnosisTest {

    @TempDir
    Path dir;

    private static String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = KerasviewCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(expectedExit, exit, () -> "exit of " + String.join(" ", args) + "\n" + out + err);
        return out.toString();
    }

    @Test
    void aSubclassedModelsLegacyLayerPairingIsAWarningNotAnInventedCountMismatch() throws Exception {
        Path source = dir.resolve("vae.keras");
        Files.copy(Paths.get("src/test/resources/fixtures/vae/vae.keras"), source);
        run(0, "convert", source.toString(), "--to", "h5", "--allow-custom-code");

        String json = run(0, "diagnose", dir.resolve("vae.h5").toString(), "--json");

        assertTrue(json.contains("\"loads\":true"), json);
        assertTrue(json.contains("LEGACY_ORDER_UNCHECKED"), json);
        assertFalse(json.contains("LAYER_COUNT"), json);
    }
}
