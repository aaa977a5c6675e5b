package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Custom classes are kept unchanged and listed, not refused. */
class CustomClassesTest {

    @Test
    void customModelAndTheLayerItEmbedsAreListed() throws Exception {
        // Keras 3.15.1's legacy loader: "Unknown layer: 'VAEOk'"; with the classes registered the config loads
        Path file = Corpus.fixture("vae_ok/vae_ok.h5");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        assertEquals(List.of("VAEOk", "vae>Sampling"), up.requiredCustomNames());
        assertEquals("VAEOk", up.config().path("registered_name").asText());
        OracleTruth truth = OracleTruth.read(UpgradeTestSupport.stem(file));
        assertEquals(true, truth.loaded());
    }
}
