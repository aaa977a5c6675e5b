package dev.kerasview.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.LayerNode;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keras's VAE fixtures store z_mean's weights once, under the object that built it; the failing
 * layer's cause names that place, and the file's own tree confirms a layer of that name is stored there.
 */
class SharedWeightsCauseTest {

    private static final Pattern HELD_AT = Pattern.compile("The file holds them once, at '([^']+)'");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"vae/vae.keras, z_mean", "vae/vae.keras, z_log_var",
            "vae_functional_shared/vae_functional_shared.keras, z_mean"})
    void theCauseNamesWhereTheFileHoldsTheLayersWeights(String file, String layer) throws Exception {
        Path path = Path.of("src/test/resources/fixtures").resolve(file);
        Diagnosis d = new Diagnoser().diagnose(path, null);
        Finding f = d.findings().stream()
                .filter(x -> x.code() == FindingCode.VARIABLE_COUNT && layer.equals(x.layer())).findFirst().orElseThrow();
        Matcher m = HELD_AT.matcher(f.cause());
        assertTrue(m.find(), f.cause());
        try (OpenModel open = ModelReader.open(path, null)) {
            LayerNode stored = find(open.model().root(), m.group(1));
            assertTrue(stored != null, "the file's tree has a layer stored at " + m.group(1));
            assertEquals(layer, stored.name(), "the tree's layer at " + m.group(1));
            assertEquals(2, stored.variables().size(), "Dense's kernel and bias are stored there");
        }
    }

    private static LayerNode find(LayerNode node, String groupPath) {
        if (groupPath.equals(node.path())) {
            return node;
        }
        for (LayerNode c : node.children()) {
            LayerNode f = find(c, groupPath);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
