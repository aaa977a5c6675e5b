package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.LayerNode;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tab shows the tree as soon as the file is read; the diagnosis colours it afterwards. */
class ModelTabViewModelTest {

    @BeforeAll
    static void toolkit() {
        Fx.start();
    }

    /** A read VAE whose diagnosis waits until the test lets it finish. */
    private static final class SlowDiagnosis implements ReadModel {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch returned = new CountDownLatch(1);
        final AtomicBoolean closed = new AtomicBoolean();
        final DiagnosedModel diagnosed = TestModels.loaded(Path.of("vae.keras"), TestModels.vaeTree(),
                TestModels.vaeFindings(), false);

        @Override
        public OpenModel open() {
            return diagnosed.open();
        }

        @Override
        public DiagnosedModel diagnose() {
            started.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                returned.countDown();
            }
            return diagnosed;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static ModelTabViewModel tab(ReadModel read) {
        return new ModelTabViewModel(Path.of("vae.keras"), null, (f, w) -> read, (r, p, c) -> {
            throw new UnsupportedOperationException();
        }, p -> { });
    }

    /** The model's own reference to a layer (no weights group): the one the VAE findings are about. */
    private static LayerRow row(LayerTreeViewModel tree, String name) {
        return tree.index().preorder().stream().filter(r -> r.node().name().equals(name) && r.node().path() == null)
                .findFirst().orElseThrow();
    }

    @Test
    void theTreeShowsBeforeTheDiagnosisAndTheFailingLayersAreMarkedWhenItArrives() throws Exception {
        SlowDiagnosis read = new SlowDiagnosis();
        ModelTabViewModel tab = Fx.call(() -> tab(read));
        Fx.run(tab::load);
        Fx.waitUntil(() -> tab.stateProperty().get() == ModelTabViewModel.State.LOADED, 5000, "tree shown");

        LayerTreeViewModel tree = tab.loadedProperty().get().tree();
        assertNull(tab.checkedProperty().get(), "no verdict while the diagnosis runs");
        assertEquals(LayerStatus.OK, row(tree, "z_mean").status());
        assertEquals(LayerStatus.OK, tree.shownTreeProperty().get().status());
        // a person can already work with the tree: select a layer, filter
        LayerNode zMean = row(tree, "z_mean").node();
        Fx.run(() -> {
            tree.selectedLayerProperty().set(zMean);
            tree.applyFilter("z_");
        });

        read.release.countDown();
        Fx.waitUntil(() -> tab.checkedProperty().get() != null, 5000, "diagnosis done");
        ModelTabViewModel.Checked checked = tab.checkedProperty().get();
        assertEquals("Keras will fail to load this file: 2 layers", checked.verdict().headline());
        assertEquals(4, checked.findings().findings().size());
        assertEquals(LayerStatus.FAILS, row(tree, "z_mean").status());
        assertEquals(LayerStatus.FAILS, row(tree, "z_log_var").status());
        assertEquals(LayerStatus.CONTAINS_FAILURE, tree.index().root().status());
        // the filter and the selection made meanwhile stay; the shown rows carry the new statuses
        assertEquals("z_", Fx.call(() -> tree.appliedFilterProperty().get()));
        assertSame(zMean, tree.selectedLayerProperty().get());
        assertEquals(LayerStatus.CONTAINS_FAILURE, tree.shownTreeProperty().get().status());
    }

    @Test
    void aFileReadBeforeItsTabOpenedIsShownAtOnceWithoutAReadingState() throws Exception {
        SlowDiagnosis read = new SlowDiagnosis();
        java.util.List<ModelTabViewModel.State> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        ModelSource prefetched = new ModelSource() {
            @Override
            public ReadModel open(Path file, Path weights) {
                throw new AssertionError("read again although the read was done: " + file);
            }

            @Override
            public java.util.Optional<OpenModelService.Opened> takeIfDone(Path file, Path weights) {
                return java.util.Optional.of(OpenModelService.Opened.of(read));
            }
        };
        ModelTabViewModel tab = Fx.call(() -> new ModelTabViewModel(Path.of("vae.keras"), null, prefetched,
                (r, p, c) -> {
                    throw new UnsupportedOperationException();
                }, p -> { }));
        Fx.run(() -> {
            tab.stateProperty().addListener((obs, old, s) -> states.add(s));
            tab.load();
            // in the same call, before any frame: the view is built once, in its final state
            states.add(null);
        });
        assertEquals(java.util.Arrays.asList(ModelTabViewModel.State.LOADED, null), states);
        LayerTreeViewModel tree = tab.loadedProperty().get().tree();
        assertEquals(LayerStatus.OK, row(tree, "z_mean").status());
        // the diagnosis still follows the first frame
        read.release.countDown();
        Fx.waitUntil(() -> tab.checkedProperty().get() != null, 5000, "diagnosis done");
        assertEquals(LayerStatus.FAILS, row(tree, "z_mean").status());
    }

    @Test
    void aFindingSelectsItsLayerOnlyOnceTheDiagnosisHasAttachedIt() throws Exception {
        SlowDiagnosis read = new SlowDiagnosis();
        read.release.countDown();
        ModelTabViewModel tab = Fx.call(() -> tab(read));
        Fx.run(tab::load);
        Fx.waitUntil(() -> tab.checkedProperty().get() != null, 5000, "diagnosis done");
        ModelTabViewModel.Checked checked = tab.checkedProperty().get();
        LayerTreeViewModel tree = tab.loadedProperty().get().tree();
        Fx.run(() -> checked.findings().selectedFindingProperty().set(checked.findings().findings().get(0)));
        assertNotNull(tree.selectedLayerProperty().get());
        assertEquals("z_mean", tree.selectedLayerProperty().get().name());
    }

    @Test
    void closingTheTabWhileTheDiagnosisRunsReleasesTheFileAndShowsNoVerdict() throws Exception {
        SlowDiagnosis read = new SlowDiagnosis();
        ModelTabViewModel tab = Fx.call(() -> tab(read));
        Fx.run(tab::load);
        Fx.waitUntil(() -> tab.stateProperty().get() == ModelTabViewModel.State.LOADED, 5000, "tree shown");
        assertTrue(read.started.await(5, TimeUnit.SECONDS), "the diagnosis did not start");
        Fx.run(tab::close);
        assertTrue(read.closed.get());
        read.release.countDown();
        assertTrue(read.returned.await(5, TimeUnit.SECONDS), "the diagnosis did not return");
        // what the finished diagnosis could post to the JavaFX thread runs before this check
        Fx.run(() -> { });
        assertNull(Fx.call(() -> tab.checkedProperty().get()));
    }

    @Test
    void aDiagnosisThatBreaksIsShownAsAnErrorFindingNotAsASoundFile() throws Exception {
        DiagnosedModel m = TestModels.loaded(Path.of("vae.keras"), TestModels.vaeTree(), java.util.List.of(), true);
        ReadModel broken = new ReadModel() {
            @Override
            public OpenModel open() {
                return m.open();
            }

            @Override
            public DiagnosedModel diagnose() {
                throw new IllegalStateException("walk went wrong");
            }

            @Override
            public void close() {
            }
        };
        ModelTabViewModel tab = Fx.call(() -> tab(broken));
        Fx.run(tab::load);
        Fx.waitUntil(() -> tab.checkedProperty().get() != null, 5000, "diagnosis done");
        assertEquals(ModelTabViewModel.State.LOADED, tab.stateProperty().get());
        assertEquals(false, tab.checkedProperty().get().verdict().loads());
        assertTrue(tab.checkedProperty().get().findings().findings().get(0).message()
                .startsWith("kerasview could not finish the diagnosis: "));
    }
}
