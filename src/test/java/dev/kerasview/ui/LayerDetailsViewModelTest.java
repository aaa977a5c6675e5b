package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.LayerNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LayerDetailsViewModelTest {

    @BeforeAll
    static void toolkit() {
        Fx.start();
    }

    private static LayerNode encoderDense(LayerTreeViewModel tree) {
        return tree.index().root().children().get(0).children().get(0).node();
    }

    @Test
    void showsTheSelectedLayersConfigurationAsRowsAndPrettyJson() throws Exception {
        DiagnosedModel m = TestModels.loaded(Path.of("vae.keras"), TestModels.vaeTree(), List.of(), false);
        LayerTreeViewModel tree = new LayerTreeViewModel(new LayerIndex(m.model().root(), List.of()));
        LayerDetailsViewModel vm = Fx.call(() -> new LayerDetailsViewModel(tree, m.open().tensors()));
        Fx.run(() -> tree.selectedLayerProperty().set(encoderDense(tree)));
        assertEquals("encoder_dense", vm.titleProperty().get());
        assertTrue(vm.subtitleProperty().get().contains("weights at encoder/layers/dense"));
        // JSON literals, and nested objects as entries inside their key
        assertEquals(List.of(
                new ConfigEntry("name", "\"encoder_dense\""), new ConfigEntry("units", "2"),
                new ConfigEntry("activation", "\"relu\""), new ConfigEntry("use_bias", "true"),
                new ConfigEntry("kernel_initializer", "GlorotUniform", List.of(
                        new ConfigEntry("module", "\"keras.initializers\""),
                        new ConfigEntry("class_name", "\"GlorotUniform\""),
                        new ConfigEntry("config", "{1 key}", List.of(new ConfigEntry("seed", "null")))))),
                vm.configEntries());
        assertTrue(vm.rawConfigProperty().get().contains("\n  \"units\" : 2,"), vm.rawConfigProperty().get());
        assertEquals(List.of("kernel", "bias"), vm.variables().stream().map(v -> v.name()).toList());
    }

    @Test
    void computesTheSelectedVariablesStatisticsInTheBackground() throws Exception {
        DiagnosedModel m = TestModels.loaded(Path.of("vae.keras"), TestModels.vaeTree(), List.of(), false);
        LayerTreeViewModel tree = new LayerTreeViewModel(new LayerIndex(m.model().root(), List.of()));
        LayerDetailsViewModel vm = Fx.call(() -> new LayerDetailsViewModel(tree, m.open().tensors()));
        Fx.run(() -> {
            tree.selectedLayerProperty().set(encoderDense(tree));
            vm.selectedVariableProperty().set(vm.variables().get(1));
        });
        Fx.waitUntil(() -> vm.statisticsProperty().get() != null, 5000, "statistics");
        assertEquals(64, vm.statisticsProperty().get().count());
        assertEquals(StatisticsService.BINS, vm.statisticsProperty().get().histogram().size());
        assertEquals("", vm.statisticsMessageProperty().get());
    }

    @Test
    void anInt4KernelAlsoShowsTheValuesKerasUnpacks() throws Exception {
        // int4_odd.keras's dense_out: 5 units packed into 3 bytes a row; Keras's unpack_int4 of its kernel
        // gives count=45 sum=-1 min=-8 max=7 (int4/int4_odd.keras.int4-keras-3.15.1.txt)
        try (OpenModel m = ModelReader.open(
                Path.of("src/test/resources/int4/int4_odd.keras"), null)) {
            LayerTreeViewModel tree = new LayerTreeViewModel(new LayerIndex(m.model().root(), List.of()));
            LayerDetailsViewModel vm = Fx.call(() -> new LayerDetailsViewModel(tree, m.tensors()));
            LayerNode dense = m.model().root().children().stream().filter(n -> n.name().equals("dense_out"))
                    .findFirst().orElseThrow();
            Fx.run(() -> {
                tree.selectedLayerProperty().set(dense);
                vm.selectedVariableProperty().set(vm.variables().get(0));
            });
            Fx.waitUntil(() -> vm.statisticsProperty().get() != null, 5000, "statistics");
            assertEquals(27, vm.statisticsProperty().get().count(), "the stored bytes");
            assertEquals(45, vm.int4StatisticsProperty().get().count());
            assertEquals(-1.0, vm.int4StatisticsProperty().get().sum());
            assertEquals(-8.0, vm.int4StatisticsProperty().get().min());
            assertEquals(7.0, vm.int4StatisticsProperty().get().max());
        }
    }

    @Test
    void aLayerWithoutConfigShowsNoRows() throws Exception {
        DiagnosedModel m = TestModels.loaded(Path.of("vae.keras"), TestModels.vaeTree(), List.of(), false);
        LayerTreeViewModel tree = new LayerTreeViewModel(new LayerIndex(m.model().root(), List.of()));
        LayerDetailsViewModel vm = Fx.call(() -> new LayerDetailsViewModel(tree, null));
        Fx.run(() -> tree.selectedLayerProperty().set(tree.index().root().children().get(0).node()));
        assertEquals("encoder", vm.titleProperty().get());
        assertTrue(vm.configEntries().isEmpty());
        Fx.run(() -> vm.selectedVariableProperty().set(TestModels.variable("x", 0, "kernel", 2)));
        assertNotNull(vm.statisticsMessageProperty().get());
        assertEquals("This file holds no values to read.", vm.statisticsMessageProperty().get());
    }
}
