package dev.kerasview.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The architecture files a weights-only file names, by the names Keras's saving functions give them. */
class ArchitectureFilesTest {

    @TempDir
    Path dir;

    @Test
    void aKeras3WeightsFileFindsItsJsonFirstThenTheArchive() throws Exception {
        for (String name : List.of("vae.weights.h5", "vae.keras", "vae.json", "notes.txt")) {
            Files.writeString(dir.resolve(name), "x");
        }
        assertEquals(List.of(dir.resolve("vae.json"), dir.resolve("vae.keras")),
                ArchitectureFiles.besides(dir.resolve("vae.weights.h5")));
    }

    @Test
    void aKeras2WeightsFileFindsTheModelJsonOfTutorials() throws Exception {
        for (String name : List.of("vae_weights.h5", "model.json")) {
            Files.writeString(dir.resolve(name), "x");
        }
        assertEquals(List.of(dir.resolve("model.json")), ArchitectureFiles.besides(dir.resolve("vae_weights.h5")));
    }

    @Test
    void aFileNeverNamesItselfAndAnEmptyFolderNamesNothing() throws Exception {
        Path weights = Files.writeString(dir.resolve("model.keras"), "weights under a model's name");
        assertEquals(List.of(), ArchitectureFiles.besides(weights));
    }
}
