package dev.kerasview.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.config.KerasJson;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class KerasArchiveDiagnosisTest {

    private static final String ADAM = "{\"optimizer\": {\"module\": \"keras.optimizers\", "
            + "\"class_name\": \"Adam\", \"config\": {\"name\": \"adam\", \"learning_rate\": "
            + "0.001, \"amsgrad\": false}, \"registered_name\": null}, \"loss\": null}";

    private static List<Finding> diagnose(String config, H5Group weights) throws Exception {
        return new KerasArchiveDiagnosis(new LayerCatalog(), new LayerArguments())
                .diagnose(KerasJson.parse(config), weights);
    }

    /** FAILURES.md F1 as reproduced: z_mean and z_log_var unbuilt at save, built on load. */
    @Test
    void subclassedModelWithLayersSavedUnbuiltFailsAndDiscardsTheOptimizer() throws Exception {
        String vae = "{\"module\": \"my_vae\", \"class_name\": \"VAE\", \"registered_name\": "
                + "\"vae>VAE\", \"config\": {\"name\": \"vae\", \"trainable\": true}, "
                + "\"build_config\": {\"input_shape\": [null, 6]}, \"compile_config\": " + ADAM
                + "}";
        H5Group weights = TestTrees.of("vars@vae", 0,
                "encoder/layers/dense@enc_hidden", 2, "decoder/layers/dense@dec_out", 2,
                "layers/dense@z_mean", 0, "layers/dense_1@z_log_var", 0,
                "layers/sampling@sampling", 0, "optimizer@adam", 10);
        List<Finding> f = diagnose(vae, weights);
        List<String> errors = f.stream().filter(x -> x.severity() == Severity.ERROR)
                .map(Finding::layer).toList();
        assertEquals(List.of("z_mean", "z_log_var"), errors, f.toString());
        Finding opt = f.stream().filter(x -> x.code() == FindingCode.OPTIMIZER_STATE).findFirst()
                .orElseThrow();
        assertEquals(18L, opt.expected());
        assertEquals(10L, opt.found());
    }

    @Test
    void withoutABuildConfigTheUnbuiltLayersAreOnlyAWarning() throws Exception {
        String vae = "{\"module\": \"my_vae\", \"class_name\": \"VAE\", \"registered_name\": "
                + "\"vae>VAE\", \"config\": {\"name\": \"vae\", \"trainable\": true}}";
        List<Finding> f = diagnose(vae, TestTrees.of("layers/dense@z_mean", 0));
        assertTrue(f.stream().noneMatch(x -> x.severity() == Severity.ERROR), f.toString());
        assertTrue(f.stream().anyMatch(x -> x.code() == FindingCode.UNBUILT_AT_SAVE));
    }

    @Test
    void aCompiledButUntrainedModelSavesOnlyTwoOptimizerVariables() throws Exception {
        String seq = "{\"module\": \"keras\", \"class_name\": \"Sequential\", "
                + "\"registered_name\": null, \"config\": {\"name\": \"s\", \"layers\": [{"
                + "\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"config\": "
                + "{\"name\": \"in\", \"batch_shape\": [null, 3]}, \"registered_name\": null}, "
                + "{\"module\": \"keras.layers\", \"class_name\": \"Dense\", \"config\": {\"name\":"
                + " \"d\", \"units\": 2}, \"registered_name\": null, \"build_config\": "
                + "{\"input_shape\": [null, 3]}}]}, \"compile_config\": " + ADAM + "}";
        List<Finding> f = diagnose(seq, TestTrees.of("layers/dense", TestTrees.dense(3, 2),
                "optimizer", 2));
        Finding opt = f.stream().filter(x -> x.code() == FindingCode.OPTIMIZER_STATE).findFirst()
                .orElseThrow();
        assertEquals(6L, opt.expected());
        assertEquals(2L, opt.found());
        assertTrue(f.stream().noneMatch(x -> x.severity() == Severity.ERROR));
    }

    @Test
    void mixedFloat16WrapsTheOptimizerInALossScaleOptimizer() throws Exception {
        String seq = "{\"module\": \"keras\", \"class_name\": \"Sequential\", "
                + "\"registered_name\": null, \"config\": {\"name\": \"s\", \"dtype\": "
                + "{\"module\": \"keras\", \"class_name\": \"DTypePolicy\", \"config\": "
                + "{\"name\": \"mixed_float16\"}, \"registered_name\": null}, \"layers\": [{"
                + "\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"config\": "
                + "{\"name\": \"in\", \"batch_shape\": [null, 3]}, \"registered_name\": null}, "
                + "{\"module\": \"keras.layers\", \"class_name\": \"Dense\", \"config\": {\"name\":"
                + " \"d\", \"units\": 2}, \"registered_name\": null, \"build_config\": "
                + "{\"input_shape\": [null, 3]}}]}, \"compile_config\": " + ADAM + "}";
        List<Finding> ok = diagnose(seq, TestTrees.of("layers/dense", TestTrees.dense(3, 2),
                "optimizer", 10, "optimizer/inner_optimizer", 6));
        assertTrue(ok.stream().noneMatch(x -> x.code() == FindingCode.OPTIMIZER_STATE), ok.toString());
        List<Finding> fresh = diagnose(seq, TestTrees.of("layers/dense", TestTrees.dense(3, 2),
                "optimizer", 2));
        assertEquals(10L, fresh.stream().filter(x -> x.code() == FindingCode.OPTIMIZER_STATE)
                .findFirst().orElseThrow().expected());
    }
}
