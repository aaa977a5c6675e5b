package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SampleModelTest {

    @Test
    void findsTheBundledSampleVae() throws Exception {
        Path sample = SampleModel.locate().orElseThrow();
        assertEquals("sample-vae.keras", sample.getFileName().toString());
        assertArrayEquals(Files.readAllBytes(Path.of("assets/sample-vae.keras")), Files.readAllBytes(sample));
    }

    @Test
    void theSampleAlsoTravelsInsideTheJar() throws Exception {
        try (var in = SampleModel.class.getResourceAsStream("/dev/kerasview/ui/sample-vae.keras")) {
            assertTrue(in != null && in.readAllBytes().length == Files.size(Path.of("assets/sample-vae.keras")));
        }
    }
}
