package dev.kerasview.ui;

import dev.kerasview.convert.ConversionTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputNamesTest {

    @TempDir
    Path dir;

    @Test
    void writesBesideTheInputWithItsStem() {
        assertEquals(dir.resolve("vae.h5"), OutputNames.forTarget(dir.resolve("vae.keras"), ConversionTarget.H5));
        assertEquals(dir.resolve("vae.json"), OutputNames.forTarget(dir.resolve("vae.keras"), ConversionTarget.JSON));
        assertEquals(dir.resolve("mlp.keras"), OutputNames.forTarget(dir.resolve("mlp.h5"), ConversionTarget.KERAS));
    }

    @Test
    void aKerasOutputNeverReplacesTheKerasInput() {
        assertEquals(dir.resolve("vae-converted.keras"), OutputNames.forTarget(dir.resolve("vae.keras"), ConversionTarget.KERAS));
    }

    @Test
    void neverOverwritesAnExistingFileOrTheInput() throws Exception {
        Files.createFile(dir.resolve("mlp.h5"));
        assertEquals(dir.resolve("mlp-converted.h5"), OutputNames.forTarget(dir.resolve("mlp.h5"), ConversionTarget.H5));
        Files.createFile(dir.resolve("mlp-converted.h5"));
        assertEquals(dir.resolve("mlp-converted-2.h5"), OutputNames.forTarget(dir.resolve("mlp.keras"), ConversionTarget.H5));
        Files.createFile(dir.resolve("mlp_weights.h5"));
        assertEquals(dir.resolve("mlp-converted.json"), OutputNames.forTarget(dir.resolve("mlp.keras"), ConversionTarget.JSON));
    }

    @Test
    void stemDropsTheDoubleSuffixOfWeightsFiles() {
        assertEquals("m", OutputNames.stem("m.weights.h5"));
        assertEquals("vae", OutputNames.stem("vae"));
    }
}
