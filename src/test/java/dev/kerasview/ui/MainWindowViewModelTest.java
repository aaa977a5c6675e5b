package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainWindowViewModelTest {

    @TempDir
    Path dir;

    private final List<Path[]> opened = new ArrayList<>();
    private final ModelSource source = (file, weights) -> {
        opened.add(new Path[] {file, weights});
        if (file.getFileName().toString().startsWith("bad")) {
            throw new UnreadableFileException(file, "not a Keras model file (starts with bytes 00 00)");
        }
        return TestModels.loaded(file, TestModels.vaeTree(), TestModels.vaeFindings(), false);
    };

    @BeforeAll
    static void toolkit() {
        Fx.start();
    }

    private MainWindowViewModel window(WeightsChooser chooser) {
        return new MainWindowViewModel(source, (r, p, c) -> {
            throw new UnsupportedOperationException();
        }, new RecentFiles(dir.resolve("recent.txt")), chooser, p -> { });
    }

    @Test
    void eachFileOpensInItsOwnTabAndReadsInTheBackground() throws Exception {
        MainWindowViewModel vm = Fx.call(() -> window((j, c) -> Optional.empty()));
        Fx.run(() -> vm.open(List.of(dir.resolve("a.keras"), dir.resolve("b.keras"))));
        assertEquals(2, vm.tabs().size());
        assertSame(vm.tabs().get(1), vm.selectedTabProperty().get());
        ModelTabViewModel a = vm.tabs().get(0);
        Fx.waitUntil(() -> a.stateProperty().get() == ModelTabViewModel.State.LOADED, 5000, "a loaded");
        Fx.waitUntil(() -> a.checkedProperty().get() != null, 5000, "a diagnosed");
        assertEquals("Keras will fail to load this file: 2 layers", a.checkedProperty().get().verdict().headline());
        assertEquals(List.of(dir.resolve("b.keras"), dir.resolve("a.keras")), vm.recentFiles());
    }

    @Test
    void theTitleNamesTheFileInFront() throws Exception {
        MainWindowViewModel vm = Fx.call(() -> window((j, c) -> Optional.empty()));
        assertEquals("kerasview", Fx.call(() -> vm.titleProperty().getValue()));
        Fx.run(() -> vm.open(List.of(dir.resolve("a.keras"), dir.resolve("vae.keras"))));
        assertEquals("vae.keras — kerasview", Fx.call(() -> vm.titleProperty().getValue()));
        Fx.run(vm::closeAll);
        assertEquals("kerasview", Fx.call(() -> vm.titleProperty().getValue()));
    }

    @Test
    void recentFilesThatAreGoneAreMarked() throws Exception {
        Path kept = Files.writeString(dir.resolve("kept.keras"), "");
        Path gone = Files.writeString(dir.resolve("gone.keras"), "");
        MainWindowViewModel vm = Fx.call(() -> window((j, c) -> Optional.empty()));
        Fx.run(() -> vm.open(List.of(gone, kept)));
        Files.delete(gone);
        assertEquals(List.of(new MainWindowViewModel.RecentEntry(kept, true), new MainWindowViewModel.RecentEntry(gone, false)),
                Fx.call(vm::recentEntries));
    }

    @Test
    void openingAnOpenFileAgainSelectsItsTab() throws Exception {
        MainWindowViewModel vm = Fx.call(() -> window((j, c) -> Optional.empty()));
        Fx.run(() -> vm.open(List.of(dir.resolve("a.keras"), dir.resolve("b.keras"))));
        Fx.run(() -> vm.open(List.of(dir.resolve("a.keras"))));
        assertEquals(2, vm.tabs().size());
        assertSame(vm.tabs().get(0), vm.selectedTabProperty().get());
    }

    @Test
    void anUnreadableFileShowsTheReadersMessageInItsTab() throws Exception {
        MainWindowViewModel vm = Fx.call(() -> window((j, c) -> Optional.empty()));
        Fx.run(() -> vm.open(List.of(dir.resolve("bad.keras"))));
        ModelTabViewModel t = vm.tabs().get(0);
        Fx.waitUntil(() -> t.stateProperty().get() == ModelTabViewModel.State.FAILED, 5000, "failed");
        assertEquals("bad.keras: not a Keras model file (starts with bytes 00 00)", t.errorMessageProperty().get());
    }

    @Test
    void closingATabSelectsItsNeighbour() throws Exception {
        MainWindowViewModel vm = Fx.call(() -> window((j, c) -> Optional.empty()));
        Fx.run(() -> vm.open(List.of(dir.resolve("a.keras"), dir.resolve("b.keras"), dir.resolve("c.keras"))));
        Fx.run(() -> vm.close(vm.tabs().get(2)));
        assertSame(vm.tabs().get(1), vm.selectedTabProperty().get());
        Fx.run(vm::closeAll);
        assertTrue(vm.tabs().isEmpty());
        assertNull(vm.selectedTabProperty().get());
    }

    @Test
    void aJsonWithOneWeightsFileBesideItIsPairedWithoutAsking() throws Exception {
        Path json = Files.writeString(dir.resolve("model.json"), "{}");
        Path weights = Files.writeString(dir.resolve("model.weights.h5"), "");
        MainWindowViewModel vm = Fx.call(() -> window((j, c) -> {
            throw new AssertionError("must not ask");
        }));
        Fx.run(() -> vm.open(List.of(json)));
        Fx.waitUntil(() -> !opened.isEmpty(), 5000, "opened");
        assertEquals(weights, opened.get(0)[1]);
    }

    @Test
    void aJsonWithSeveralCandidatesAsksWhichWeightsBelongToIt() throws Exception {
        Path json = Path.of("src/test/resources/fixtures/mlp/mlp.json").toAbsolutePath();
        List<List<Path>> asked = new ArrayList<>();
        MainWindowViewModel vm = Fx.call(() -> window((j, c) -> {
            asked.add(c);
            return Optional.of(c.get(1));
        }));
        Fx.run(() -> vm.open(List.of(json)));
        Fx.waitUntil(() -> !opened.isEmpty(), 5000, "opened");
        assertEquals(3, asked.get(0).size());
        assertEquals("mlp_weights.h5", opened.get(0)[1].getFileName().toString());
        assertEquals(opened.get(0)[1], vm.tabs().get(0).weights());
    }
}
