package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversionJournalTest {

    @TempDir
    Path dir;

    @TempDir
    Path journals;

    private List<Path> listing() throws Exception {
        return TestWindow.listing(dir);
    }

    @Test
    void theTemporaryFilesOfAProcessThatNoLongerRunsAreRemoved() throws Exception {
        Path model = Files.writeString(dir.resolve("vae.keras"), "");
        Path stale = Files.writeString(dir.resolve(".vae.h5.kerasview-tmp-0a1b2c3d4e"), "partial");
        Path notOurs = Files.writeString(dir.resolve(".mlp.h5.kerasview-tmp-9z8y7x6w5v"), "another output");
        new ConversionJournal(journals, 4242).started(List.of(dir.resolve("vae.h5")));

        assertEquals(List.of(stale), ConversionJournal.cleanStale(journals, pid -> false));
        assertEquals(List.of(notOurs, model), listing());
        assertFalse(Files.exists(journals.resolve("4242.txt")), "the journal goes with its files");
    }

    @Test
    void aRunningProcesssTemporaryFilesAreLeftAlone() throws Exception {
        Path stale = Files.writeString(dir.resolve(".vae.h5.kerasview-tmp-0a1b2c3d4e"), "partial");
        new ConversionJournal(journals, 4242).started(List.of(dir.resolve("vae.h5")));

        assertEquals(List.of(), ConversionJournal.cleanStale(journals, pid -> pid == 4242));
        assertTrue(Files.exists(stale));
    }

    @Test
    void aFinishedConversionLeavesNoJournal() throws Exception {
        ConversionJournal journal = new ConversionJournal(journals, 4242);
        journal.started(List.of(dir.resolve("vae.h5")));
        assertTrue(Files.exists(journals.resolve("4242.txt")));
        journal.ended(List.of(dir.resolve("vae.h5")));
        assertFalse(Files.exists(journals.resolve("4242.txt")));
    }
}
