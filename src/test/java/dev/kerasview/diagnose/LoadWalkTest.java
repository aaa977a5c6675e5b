package dev.kerasview.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.catalog.VariableSpec;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Group;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadWalkTest {

    private static final List<VariableSpec> KERNEL_BIAS = List.of(
            new VariableSpec("kernel", null, true), new VariableSpec("bias", null, true));

    private static Saveable dense(String name) {
        return new Saveable("Dense", name, Saveable.Type.LAYER, KERNEL_BIAS, true, true);
    }

    private static Saveable unbuiltDense(String name) {
        return new Saveable("Dense", name, Saveable.Type.LAYER, KERNEL_BIAS, false, true);
    }

    private static Saveable functional(String name, Object... layers) {
        Saveable m = new Saveable("Functional", name, Saveable.Type.FUNCTIONAL, List.of(), true,
                true);
        m.add("layers", new ArrayList<>(List.of(layers)));
        return m;
    }

    private static Saveable subclassed(String name) {
        return new Saveable("VAE", name, Saveable.Type.LAYER, List.of(), true, true);
    }

    @Test
    void containerCountersNumberSameClassElementsFromTheSecond() {
        Saveable a = dense("a");
        Saveable b = dense("b");
        Saveable c = new Saveable("Conv2D", "c", Saveable.Type.LAYER, KERNEL_BIAS, true, true);
        Saveable model = functional("m", a, c, b);
        LoadWalk.Result r = LoadWalk.run(model, TestTrees.of("layers/dense", 2,
                "layers/conv2d", 2, "layers/dense_1", 2));
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        assertEquals("layers/dense_1", r.firstPaths().get(b));
        assertEquals("layers/conv2d", r.firstPaths().get(c));
    }

    @Test
    void anAlreadyVisitedElementStillConsumesItsCounterName() {
        // KERAS_FORMATS.md §4.7 (C): encoder and decoder are visited through their attributes
        // first, yet take the names functional and functional_1 in `layers`.
        Saveable encoder = functional("encoder");
        Saveable decoder = functional("decoder");
        Saveable zMean = dense("z_mean");
        Saveable zLogVar = dense("z_log_var");
        Saveable vae = subclassed("vae");
        vae.add("encoder", encoder);
        vae.add("decoder", decoder);
        vae.add("layers", new ArrayList<>(List.of(encoder, zMean, zLogVar, decoder)));
        vae.add("z_mean", zMean);
        vae.add("z_log_var", zLogVar);
        LoadWalk.Result r = LoadWalk.run(vae, TestTrees.of("layers/dense", 2,
                "layers/dense_1", 2));
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        assertEquals("layers/dense", r.firstPaths().get(zMean));
        assertEquals("encoder", r.firstPaths().get(encoder));
    }

    @Test
    void theFirstPathWinsAndLaterPathsAreNotRead() {
        Saveable shared = dense("shared");
        Saveable vae = subclassed("m");
        vae.add("a_layer", shared);
        vae.add("b_layer", shared);
        LoadWalk.Result r = LoadWalk.run(vae, TestTrees.of("a_layer", 2));
        assertTrue(r.failures().isEmpty());
        assertEquals("a_layer", r.firstPaths().get(shared));
        assertTrue(!r.readPaths().contains("b_layer"));
    }

    @Test
    void aFailureIsErasedWhenTheSameObjectLoadsAtALaterPath() {
        Saveable d = dense("d");
        Saveable m = subclassed("m");
        m.add("a", d);
        m.add("b", d);
        LoadWalk.Result r = LoadWalk.run(m, TestTrees.of("b", 2));
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        assertTrue(r.dropped().isEmpty());
    }

    @Test
    void anObjectFailingAtEveryPathIsReportedOnceWithKerasMessage() {
        Saveable d = dense("z_mean");
        Saveable m = subclassed("m");
        m.add("layers", new ArrayList<>(List.of(d)));
        m.add("z_mean", d);
        LoadWalk.Result r = LoadWalk.run(m, TestTrees.of());
        assertEquals(1, r.failures().size());
        assertEquals("Layer 'z_mean' expected 2 variables, but received 0 variables during "
                + "loading. Expected: ['kernel', 'bias']", r.failures().get(0).message());
    }

    @Test
    void anUnbuiltLayerWithStoredWeightsFailsThenSilentlyLosesThemAtAnEmptyPath() {
        Saveable d = unbuiltDense("z_mean");
        Saveable m = subclassed("m");
        m.add("layers", new ArrayList<>(List.of(d)));
        m.add("z_mean", d);
        LoadWalk.Result r = LoadWalk.run(m, TestTrees.of("layers/dense", 2));
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        assertEquals(1, r.dropped().size());
        assertEquals("layers/dense", r.dropped().get(0).path());
        assertEquals(2, r.dropped().get(0).storedVariables());
    }

    @Test
    void anUnbuiltLayerWithStoredWeightsAndNoOtherPathWasNeverBuilt() {
        Saveable d = unbuiltDense("dense");
        LoadWalk.Result r = LoadWalk.run(functional("m", d), TestTrees.of("layers/dense", 2));
        assertEquals(FindingCode.NEVER_BUILT, r.failures().get(0).code());
        assertTrue(r.failures().get(0).message().startsWith("Layer 'dense' was never built"));
    }

    @Test
    void nestedContainersAreNamedContainerAndProbedWhenMissing() {
        Saveable a = dense("a");
        Saveable b = dense("b");
        Saveable m = subclassed("m");
        m.add("blocks", new ArrayList<>(List.of(new ArrayList<>(List.of(a)),
                new ArrayList<>(List.of(b)))));
        H5Group withContainers = TestTrees.of("blocks/container/dense", 2,
                "blocks/container_1/dense", 2);
        assertTrue(LoadWalk.run(m, withContainers).failures().isEmpty());
        LoadWalk.Result old = LoadWalk.run(m, TestTrees.of());
        assertTrue(old.failures().isEmpty(), "a probe's failures stay private in 3.15.1");
        assertEquals(List.of("blocks/container", "blocks/container_1"),
                old.skippedContainers());
    }

    @Test
    void tfKeras213FilesAreReadThroughLayerCheckpointDependencies() {
        Saveable d = dense("d");
        LoadWalk.Result r = LoadWalk.run(functional("m", d),
                TestTrees.of("_layer_checkpoint_dependencies/dense", 2));
        assertTrue(r.failures().isEmpty(), r.failures().toString());
    }

    @Test
    void anOptimizerCountMismatchIsAWarningNotAFailure() {
        Saveable d = dense("d");
        Saveable m = functional("m", d);
        Saveable opt = new Saveable("Adam", "adam", Saveable.Type.OPTIMIZER, List.of(), true,
                true);
        opt.optimizerVariables(6);
        m.add("optimizer", opt);
        LoadWalk.Result r = LoadWalk.run(m, TestTrees.of("layers/dense", 2, "optimizer", 2));
        assertTrue(r.failures().isEmpty());
        assertEquals(6, r.optimizer().get(0).expected());
        assertEquals(2, r.optimizer().get(0).found());
    }

    @Test
    void aShapeMismatchUsesKerasAssignMessage() {
        Saveable d = new Saveable("Dense", "d", Saveable.Type.LAYER, List.of(
                new VariableSpec("kernel", List.of(3L, 2L), true),
                new VariableSpec("bias", List.of(2L), true)), true, true);
        LoadWalk.Result r = LoadWalk.run(functional("m", d), TestTrees.of("layers/dense", 2));
        assertEquals(FindingCode.SHAPE_MISMATCH, r.failures().get(0).code());
        assertTrue(r.failures().get(0).message().contains("variable.shape=(3, 2), Received: "
                + "value.shape=(2,)"), r.failures().get(0).message());
    }
}
