package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefetchingModelSourceTest {

    @TempDir
    Path dir;

    private final List<Path> reads = Collections.synchronizedList(new ArrayList<>());
    private final List<Path> weightsRead = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch readOnce = new CountDownLatch(1);

    private ModelSource counting() {
        return (file, weights) -> {
            reads.add(file);
            weightsRead.add(weights);
            readOnce.countDown();
            if (file.getFileName().toString().startsWith("bad")) {
                throw new UnreadableFileException(file, "not a Keras model");
            }
            return TestModels.loaded(file, TestModels.vaeTree(), List.of(), true);
        };
    }

    @Test
    void aFileNamedAtStartIsReadInTheBackgroundOnceAndHandedToItsTab() throws Exception {
        Path a = dir.resolve("a.keras");
        try (PrefetchingModelSource source = new PrefetchingModelSource(counting(), List.of(dir.resolve("x/../a.keras")))) {
            ReadModel first = source.open(a, null);
            assertEquals(a, first.open().model().file());
            assertEquals(List.of(a), reads);
            // opened again (a second tab after the first was closed): read again, not handed out twice
            ReadModel second = source.open(a, null);
            assertTrue(first != second);
            assertEquals(List.of(a, a), reads);
        }
    }

    @Test
    void otherFilesAndFilesWithChosenWeightsGoStraightToTheSource() throws Exception {
        Path a = dir.resolve("a.keras");
        Path b = dir.resolve("b.keras");
        try (PrefetchingModelSource source = new PrefetchingModelSource(counting(), List.of(a))) {
            assertEquals(b, source.open(b, null).open().model().file());
            assertEquals(a, source.open(a, dir.resolve("w.h5")).open().model().file());
            assertTrue(reads.contains(b));
            assertTrue(weightsRead.contains(dir.resolve("w.h5")), "read with its weights: " + weightsRead);
        }
    }

    @Test
    void aFileThatCannotBeReadGivesTheReadersMessageToTheTab() throws Exception {
        Path bad = dir.resolve("bad.keras");
        try (PrefetchingModelSource source = new PrefetchingModelSource(counting(), List.of(bad))) {
            UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> source.open(bad, null));
            assertEquals("bad.keras: not a Keras model", e.getMessage());
        }
    }

    @Test
    void aModelJsonIsNotReadAheadBecauseItsWeightsMayHaveToBeChosenFirst() throws Exception {
        Path json = Files.writeString(dir.resolve("model.json"), "{}");
        try (PrefetchingModelSource source = new PrefetchingModelSource(counting(), List.of(json))) {
            Thread.sleep(200);
            assertEquals(List.of(), reads);
        }
    }

    @Test
    void readsNoTabTookAreReleasedWhenTheWindowCloses() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        LoadedModel m = TestModels.loaded(dir.resolve("a.keras"), TestModels.vaeTree(), List.of(), true);
        ReadModel tracked = new ReadModel() {
            @Override
            public dev.kerasview.formats.OpenModel open() {
                return m.open();
            }

            @Override
            public LoadedModel diagnose() {
                return m;
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
        PrefetchingModelSource source = new PrefetchingModelSource((f, w) -> {
            readOnce.countDown();
            return tracked;
        }, List.of(dir.resolve("a.keras")));
        assertTrue(readOnce.await(5, TimeUnit.SECONDS));
        source.close();
        assertTrue(closed.await(5, TimeUnit.SECONDS));
    }
}
