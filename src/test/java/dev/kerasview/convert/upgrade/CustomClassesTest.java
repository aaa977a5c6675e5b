package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
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
        // The encoder and decoder inside VAEOk's config take the form Keras 3.15.1 writes in its own
        // vae_ok.keras: each built-in layer entry with its module (only the legacy file's custom classes
        // lack theirs, which the .h5 never stored).
        JsonNode keras = keras3Config(Corpus.fixture("vae_ok/vae_ok.keras"));
        for (String part : List.of("encoder", "decoder")) {
            JsonNode mine = up.config().path("config").path(part).path("config").path("layers");
            JsonNode theirs = keras.path("config").path(part).path("config").path("layers");
            assertEquals(theirs.size(), mine.size(), part);
            for (int i = 0; i < mine.size(); i++) {
                String expected = theirs.get(i).path("module").asText();
                if (expected.startsWith("keras")) {
                    assertEquals(expected, mine.get(i).path("module").asText(), part + " layer " + i);
                }
            }
        }
    }

    private static JsonNode keras3Config(Path archive) throws Exception {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return KerasJson.parse(new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void tfKerasCustomLayerIsKeptUnderItsBareName() throws Exception {
        // an HDF5 full model named .keras; Keras 3.15.1 (renamed to .h5): "Unknown layer: 'Sampling'"
        Path file = Corpus.file("shresth_vae/encoder.keras");
        UpgradedConfig up = UpgradeTestSupport.upgrade(file);
        assertEquals(List.of("Sampling"), up.requiredCustomNames());
        JsonNode sampling = up.config().findParents("class_name").stream()
                .filter(n -> "Sampling".equals(n.path("class_name").asText())).findFirst().orElseThrow();
        assertEquals("Sampling", sampling.path("registered_name").asText());
        // loads where the person's code registers the class (the oracle passes it as custom_objects)
        assertEquals(true, OracleTruth.read(UpgradeTestSupport.stem(file)).loaded());
    }
}
