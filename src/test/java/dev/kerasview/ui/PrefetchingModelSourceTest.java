package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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

    /** A read-ahead of {@code file} whose read has been tried and whose result is handed over. */
    private PrefetchingModelSource settledReadAhead(Path file) throws InterruptedException {
        Set<Thread> before = readAheadThreads();
        PrefetchingModelSource source = new PrefetchingModelSource(counting(), List.of(file));
        assertTrue(readOnce.await(5, TimeUnit.SECONDS));
        // the reader thread ends once it has handed over the result of its one file
        for (Thread reader : startedSince(before)) {
            reader.join(5_000);
            assertFalse(reader.isAlive(), "the read-ahead did not finish in 5 s");
        }
        return source;
    }

    /** The read-ahead threads alive now. */
    private static Set<Thread> readAheadThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("kerasview-prefetch")).collect(Collectors.toSet());
    }

    /** The read-ahead threads alive now that were not in {@code before}. */
    private static Set<Thread> startedSince(Set<Thread> before) {
        Set<Thread> now = new HashSet<>(readAheadThreads());
        now.removeAll(before);
        return now;
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
    void aReadFinishedBeforeItsTabIsTakenWithoutWaitingWithItsRowsBuilt() throws Exception {
        Path a = dir.resolve("a.keras");
        try (PrefetchingModelSource source = new PrefetchingModelSource(counting(), List.of(a))) {
            java.util.Optional<OpenModelService.Opened> done = java.util.Optional.empty();
            for (long end = System.nanoTime() + 5_000_000_000L; done.isEmpty() && System.nanoTime() < end; ) {
                done = source.takeIfDone(a, null);
                Thread.sleep(5);
            }
            assertTrue(done.isPresent(), "the read of a 7-layer model did not finish in 5 s");
            assertEquals(a, done.get().read().open().model().file());
            assertEquals("vae", done.get().index().root().node().name());
            assertEquals(TestModels.vaeTree().children().size(), done.get().index().root().children().size());
            // taken once: neither handed out again nor read again until a tab asks
            assertTrue(source.takeIfDone(a, null).isEmpty());
            assertEquals(List.of(a), reads);
            source.open(a, null);
            assertEquals(List.of(a, a), reads);
        }
    }

    @Test
    void aReadStillRunningIsNotWaitedForAndGoesToTheTabThatAsksForItLater() throws Exception {
        Path a = dir.resolve("a.keras");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ModelSource slow = (file, weights) -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return counting().open(file, weights);
        };
        try (PrefetchingModelSource source = new PrefetchingModelSource(slow, List.of(a))) {
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertTrue(source.takeIfDone(a, null).isEmpty(), "handed out before it was read");
            release.countDown();
            OpenModelService.Opened opened = source.openIndexed(a, null);
            assertEquals(a, opened.read().open().model().file());
            assertEquals(List.of(a), reads);
        }
    }

    @Test
    void aFailedReadIsLeftForTheTabWhichReportsTheReadersMessage() throws Exception {
        Path bad = dir.resolve("bad.keras");
        try (PrefetchingModelSource source = settledReadAhead(bad)) {
            assertTrue(source.takeIfDone(bad, null).isEmpty());
            UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> source.open(bad, null));
            assertEquals("bad.keras: not a Keras model", e.getMessage());
            assertEquals(List.of(bad), reads, "the failed read was dropped and the file read again");
        }
    }

    @Test
    void aFileWithChosenWeightsIsNeverTakenFromTheReadAhead() throws Exception {
        Path a = dir.resolve("a.keras");
        try (PrefetchingModelSource source = settledReadAhead(a)) {
            assertTrue(source.takeIfDone(a, dir.resolve("w.h5")).isEmpty());
            assertTrue(source.takeIfDone(a, null).isPresent());
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
        Set<Thread> before = readAheadThreads();
        try (PrefetchingModelSource source = new PrefetchingModelSource(counting(), List.of(json))) {
            // no reader was started (one that had started and already ended would have read)
            assertEquals(Set.of(), startedSince(before));
            assertEquals(List.of(), reads);
        }
    }

    @Test
    void readsNoTabTookAreReleasedWhenTheWindowCloses() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        DiagnosedModel m = TestModels.loaded(dir.resolve("a.keras"), TestModels.vaeTree(), List.of(), true);
        ReadModel tracked = new ReadModel() {
            @Override
            public dev.kerasview.formats.OpenModel open() {
                return m.open();
            }

            @Override
            public DiagnosedModel diagnose() {
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
