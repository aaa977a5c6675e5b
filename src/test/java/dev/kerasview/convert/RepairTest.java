package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.formats.ModelReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Archives whose weights groups moved away from where Keras's walk looks still convert into a
 * legacy file with the right weights: the result equals Keras's own mlp.h5 tensor for tensor.
 */
class RepairTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"swap", "renamed", "elsewhere"})
    void movedGroupsAreFoundByTheirNameAttribute(String mode) throws Exception {
        ReferenceTools.assumeH5py();
        Path input = dir.resolve("moved_" + mode + ".keras");
        ReferenceTools.Result made = ReferenceTools.run(List.of(ReferenceTools.python(),
                "src/test/resources/convert/move_groups.py", Fixtures.file("mlp", ".keras").toString(),
                input.toString(), mode));
        assertEquals(0, made.exit(), made.err());
        ConversionResult r = new Converter(ModelReader::open, null, new LayerCatalog()).convert(
                new ConversionRequest(input, null, ConversionTarget.H5, WeightsFormat.LEGACY, null, false, false),
                ConversionProgress.NONE, CancellationToken.NEVER);
        assertTrue(r.verification().passed(), String.valueOf(r.verification().problems()));
        assertTrue(r.plan().notes().stream().anyMatch(n -> n.contains("found by its name")), r.plan().notes().toString());
        JsonNode mine = ReferenceTools.summary(r.written().get(0), "legacy").get("model_weights");
        JsonNode keras = ReferenceTools.summary(Fixtures.file("mlp", ".h5"), "legacy").get("model_weights");
        assertEquals(keras, mine);
    }
}
