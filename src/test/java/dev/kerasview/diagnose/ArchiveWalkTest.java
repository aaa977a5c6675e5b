package dev.kerasview.diagnose;

import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.config.KerasJson;
import dev.kerasview.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveWalkTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Test
    void printVerdicts() throws Exception {
        for (String n : List.of("mlp", "cnn", "rnn", "attention", "vae", "vae_functional_shared",
                "vae_ok", "broken_missing_layer_group", "broken_orphan_group", "compiled_trained",
                "custom_layer", "deep_cnn", "functional_nested", "gru_reset", "mixed",
                "shared_weights_functional", "bfloat16", "lambda", "broken_unregistered_class")) {
            Path k = FIXTURES.resolve(n).resolve(n + ".keras");
            List<Finding> f = new KerasArchiveDiagnosis(new LayerCatalog(), new LayerArguments())
                    .diagnose(KerasJson.parse(FixtureTrees.archiveConfig(k)),
                            FixtureTrees.ofArchiveWeights(k));
            System.out.println("== " + n);
            f.forEach(x -> System.out.println("   " + x.severity() + " " + x.code() + " "
                    + x.layer() + " " + x.path() + " " + x.expected() + "/" + x.found() + " "
                    + x.message().lines().findFirst().orElse("")));
        }
    }
}
