package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A conversion in a process that is stopped (SIGTERM) or killed leaves the model's folder as it was. */
class ShutdownDuringConversionTest {

    @TempDir
    Path dir;

    @TempDir
    Path journals;

    private Process converting(Path model) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ConvertingChild.class.getName(), model.toString(), journals.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("converting", out.readLine(), "the child reached its conversion");
        return p;
    }

    private List<Path> listing() throws Exception {
        return TestWindow.listing(dir);
    }

    @Test
    void sigtermCancelsTheConversionAndRemovesItsTemporaryFile() throws Exception {
        Path model = Files.writeString(dir.resolve("vae.keras"), "");
        Process p = converting(model);
        assertEquals(2, listing().size(), "a temporary file while converting");
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child stopped");
        assertEquals(List.of(model), listing());
        try (var s = Files.list(journals)) {
            assertEquals(List.of(), s.toList(), "no journal left to clean up");
        }
    }

    @Test
    void theNextStartRemovesWhatAKilledProcessLeft() throws Exception {
        Path model = Files.writeString(dir.resolve("vae.keras"), "");
        Process p = converting(model);
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child was killed");
        assertEquals(2, listing().size(), "a kill leaves the temporary file");
        ConversionJournal.cleanStale(journals, ConversionJournal::running);
        assertEquals(List.of(model), listing());
    }
}
