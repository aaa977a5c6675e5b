package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.Timing;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.LayerNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerTreeViewModelTest {

    private static List<String> names(LayerRow row) {
        List<String> out = new ArrayList<>();
        collect(row, out);
        return out;
    }

    private static void collect(LayerRow row, List<String> out) {
        out.add(row.node().name());
        row.children().forEach(c -> collect(c, out));
    }

    private static LayerRow find(LayerRow row, String name, String path) {
        if (row.node().name().equals(name) && java.util.Objects.equals(row.node().path(), path)) {
            return row;
        }
        for (LayerRow c : row.children()) {
            LayerRow r = find(c, name, path);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    @Test
    void layersNamedByErrorFindingsFailAndTheirParentsShowAFailureInside() {
        LayerIndex index = new LayerIndex(TestModels.vaeTree(), TestModels.vaeFindings());
        LayerRow root = index.root();
        assertEquals(LayerStatus.FAILS, find(root, "z_mean", null).status());
        assertEquals(LayerStatus.FAILS, find(root, "z_log_var", null).status());
        assertEquals(LayerStatus.CONTAINS_FAILURE, root.status());
        assertTrue(root.status().failing());
    }

    @Test
    void aFindingAboutAPathNoLayerIsStoredUnderMarksTheNamesakeWithoutWeightsNotTheStoredOne() {
        LayerIndex index = new LayerIndex(TestModels.vaeTree(), TestModels.vaeFindings());
        LayerRow encoderZMean = find(index.root(), "z_mean", "encoder/layers/dense_1");
        assertEquals(LayerStatus.OK, encoderZMean.status());
        assertEquals(LayerStatus.OK, find(index.root(), "encoder", "encoder").status());
    }

    @Test
    void aFindingPinnedToAStoredWeightsPathMarksThatLayer() {
        LayerNode root = TestModels.vaeTree();
        var f = Finding.error(FindingCode.VARIABLE_COUNT).layer("z_mean").className("Dense")
                .path("encoder/layers/dense_1/vars").expected(2L).found(1L).message("m").cause("c")
                .build();
        LayerIndex index = new LayerIndex(root, List.of(f));
        assertEquals(LayerStatus.FAILS, find(index.root(), "z_mean", "encoder/layers/dense_1").status());
        assertEquals(LayerStatus.OK, find(index.root(), "z_mean", null).status());
    }

    @Test
    void customClassesAreMarkedInTheStatusText() {
        LayerIndex index = new LayerIndex(TestModels.vaeTree(), TestModels.vaeFindings());
        LayerRow sampling = find(index.root(), "sampling", null);
        assertEquals("custom class", sampling.statusText());
        assertTrue(index.root().statusText().startsWith("a layer inside fails"));
    }

    @Test
    void parameterAndByteTotalsIncludeEverythingInside() {
        LayerIndex index = new LayerIndex(TestModels.vaeTree(), List.of());
        long expected = 784 * 64 + 64 + 64 * 2 + 2 + 64 * 2 + 2 + 2 * 784 + 784;
        assertEquals(expected, index.root().parameters());
        assertEquals(4 * expected, index.root().bytes());
    }

    @Test
    void filterKeepsMatchesAndTheirAncestorsOnly() {
        LayerTreeViewModel vm = new LayerTreeViewModel(new LayerIndex(TestModels.vaeTree(), TestModels.vaeFindings()));
        vm.applyFilter("Z_MEAN");
        assertEquals(List.of("vae", "encoder", "z_mean", "z_mean"), names(vm.shownTreeProperty().get()));
        assertEquals(2, vm.matchCountProperty().get());
        assertTrue(vm.filtered());
    }

    @Test
    void filterMatchesTheClassName() {
        LayerTreeViewModel vm = new LayerTreeViewModel(new LayerIndex(TestModels.vaeTree(), List.of()));
        vm.applyFilter("sampl");
        assertEquals(List.of("vae", "sampling"), names(vm.shownTreeProperty().get()));
        vm.applyFilter("functional");
        assertEquals(List.of("vae", "encoder", "decoder"), names(vm.shownTreeProperty().get()));
    }

    @Test
    void clearingTheFilterRestoresTheVeryRowsOfTheFullTree() {
        LayerIndex index = new LayerIndex(TestModels.vaeTree(), List.of());
        LayerTreeViewModel vm = new LayerTreeViewModel(index);
        vm.applyFilter("dense");
        vm.applyFilter("  ");
        assertSame(index.root(), vm.shownTreeProperty().get());
        assertFalse(vm.filtered());
        assertEquals(index.preorder().size(), vm.matchCountProperty().get());
    }

    @Test
    void aFilterMatchingNothingLeavesOnlyTheRoot() {
        LayerTreeViewModel vm = new LayerTreeViewModel(new LayerIndex(TestModels.vaeTree(), List.of()));
        vm.applyFilter("no such layer");
        assertEquals(List.of("vae"), names(vm.shownTreeProperty().get()));
        assertEquals(0, vm.matchCountProperty().get());
    }

    @Test
    void revealingAHiddenLayerClearsTheFilterAndSelectsIt() {
        LayerTreeViewModel vm = new LayerTreeViewModel(new LayerIndex(TestModels.vaeTree(), List.of()));
        LayerNode decoderDense = vm.index().root().children().get(1).children().get(0).node();
        vm.applyFilter("z_mean");
        vm.reveal(decoderDense);
        assertFalse(vm.filtered());
        assertSame(decoderDense, vm.selectedLayerProperty().get());
    }

    @Test
    @Timing
    void filteringFiveThousandLayersTakesWellUnderAFrame() {
        LayerTreeViewModel vm = new LayerTreeViewModel(new LayerIndex(TestModels.wide(5000), List.of()));
        String[] keystrokes = {"d", "de", "den", "dens", "dense", "dense_", "dense_4", "dense_49", "dense_499", "c", "co", "conv", ""};
        for (int warm = 0; warm < 20; warm++) {
            for (String k : keystrokes) {
                vm.applyFilter(k);
            }
        }
        long start = System.nanoTime();
        for (String k : keystrokes) {
            vm.applyFilter(k);
        }
        double perKeystrokeMs = (System.nanoTime() - start) / 1e6 / keystrokes.length;
        System.out.printf("filter over 5000 layers: %.3f ms per keystroke%n", perKeystrokeMs);
        assertTrue(perKeystrokeMs < 16, "one filter pass took " + perKeystrokeMs + " ms");
        vm.applyFilter("conv");
        assertEquals(50, vm.matchCountProperty().get());
        assertEquals(51, names(vm.shownTreeProperty().get()).size());
    }
}
