package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The weight plan of each fixture .keras against the .h5 Keras wrote for the same model. */
class WeightPlannerTest {

    static Stream<String> fixtures() {
        return Fixtures.WITH_KERAS_H5.stream();
    }

    private static WeightPlan plan(OpenModel m) throws Exception {
        return new WeightPlanner(new VariableNames(null)).plan(m.model());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void planMatchesKerasOwnLegacyFileLayerByLayer(String name) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(name.equals("bfloat16"),
                "skipped: jhdf (this test's independent reader) cannot list groups holding 2-byte "
                        + "opaque datasets; bfloat16 is covered by ConverterTest through h5py");
        try (OpenModel keras = JhdfModelSource.open(Fixtures.file(name, ".keras"), null);
             OpenModel h5 = JhdfModelSource.open(Fixtures.file(name, ".h5"), null)) {
            WeightPlan plan = plan(keras);
            H5Group mw = h5.model().weights().find("model_weights").orElseThrow();
            List<String> layerNames = OutputVerifier.strings(mw, "layer_names");
            assertEquals(layerNames, plan.layers().stream().map(PlannedLayer::name).toList(), "layer_names");
            for (PlannedLayer layer : plan.layers()) {
                assertNull(layer.missing(), layer.name() + " missing");
                H5Group g = mw.group(layer.name()).orElseThrow();
                List<String> kerasNames = OutputVerifier.strings(g, "weight_names");
                List<String> mine = layer.weights().stream().map(PlannedWeight::name).toList();
                assertEquals(KnownDifferences.weightNames(name, layer.name(), kerasNames), mine, "weight_names of " + layer.name());
                for (int i = 0; i < kerasNames.size(); i++) {
                    H5Dataset d = dataset(g, kerasNames.get(i));
                    PlannedWeight w = layer.weights().get(i);
                    assertEquals(d.shape(), w.source().shape(), kerasNames.get(i) + " shape");
                    assertEquals(d.dtype(), w.source().dtype(), kerasNames.get(i) + " dtype");
                }
            }
        }
    }

    @Test
    void optimizerStateOfTrainedModelIsNamedAsKerasNamesIt() throws Exception {
        try (OpenModel keras = JhdfModelSource.open(Fixtures.file("vae_ok", ".keras"), null);
             OpenModel h5 = JhdfModelSource.open(Fixtures.file("vae_ok", ".h5"), null)) {
            WeightPlan plan = plan(keras);
            H5Group ow = h5.model().weights().find("optimizer_weights").orElseThrow();
            List<String> names = OutputVerifier.strings(ow, "weight_names");
            assertEquals(names, plan.optimizerWeights().stream().map(PlannedWeight::name).toList());
            assertEquals("adam_2", plan.optimizerName());
        }
    }

    @Test
    void sharedLayerReferencedTwiceIsMappedToTheWeightsStoredOnceUnderTheEncoder() throws Exception {
        try (OpenModel keras = JhdfModelSource.open(Fixtures.file("vae_functional_shared", ".keras"), null)) {
            WeightPlan plan = plan(keras);
            PlannedLayer zMean = plan.layers().stream().filter(l -> l.name().equals("z_mean")).findFirst().orElseThrow();
            assertNull(zMean.missing());
            assertEquals("layers/functional/layers/dense_1", zMean.sourcePath());
            assertNotNull(zMean.repaired());
            assertEquals(List.of("z_mean/kernel", "z_mean/bias"),
                    zMean.weights().stream().map(PlannedWeight::name).toList());
            assertTrue(plan.notes().stream().anyMatch(n -> n.contains("z_mean")));
        }
    }

    @Test
    void subclassedVaeReferencesFindTheEncoderWeightsByName() throws Exception {
        try (OpenModel keras = JhdfModelSource.open(Fixtures.file("vae", ".keras"), null)) {
            WeightPlan plan = plan(keras);
            assertEquals(List.of("encoder", "decoder", "z_mean", "z_log_var"),
                    plan.layers().stream().map(PlannedLayer::name).toList());
            PlannedLayer zLogVar = plan.layers().get(3);
            assertEquals("encoder/layers/dense_2", zLogVar.sourcePath());
            assertTrue(plan.missingLayers().isEmpty());
        }
    }

    @Test
    void layerWhoseGroupWasDeletedIsReportedMissing() throws Exception {
        try (OpenModel keras = JhdfModelSource.open(
                Fixtures.ROOT.resolve("broken_missing_layer_group/broken_missing_layer_group.keras"), null)) {
            WeightPlan plan = plan(keras);
            List<PlannedLayer> missing = plan.missingLayers();
            assertEquals(List.of("dense_hidden"), missing.stream().map(PlannedLayer::name).toList());
            assertTrue(Converter.describe(missing).contains("dense_hidden"));
        }
    }

    private static H5Dataset dataset(H5Group g, String relative) {
        int slash = relative.lastIndexOf('/');
        H5Group parent = slash < 0 ? g : g.find(relative.substring(0, slash)).orElseThrow();
        String key = relative.substring(slash + 1);
        return parent.datasets().stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }
}
