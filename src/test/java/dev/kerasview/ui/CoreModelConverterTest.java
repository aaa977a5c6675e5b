package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kerasview.convert.CancellationToken;
import dev.kerasview.convert.ConversionRequest;
import dev.kerasview.convert.ConversionTarget;
import dev.kerasview.convert.WeightsFormat;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreModelConverterTest {

    @TempDir
    Path dir;

    @Test
    void progressCountsTheModelsBytesOnceThoughTheyAreWrittenAndReadBack() throws Exception {
        Path mlp = Files.copy(Path.of("src/test/resources/fixtures/mlp/mlp.keras"), dir.resolve("mlp.keras"),
                StandardCopyOption.REPLACE_EXISTING);
        long modelBytes;
        try (OpenModel m = ModelReader.open(mlp, null)) {
            modelBytes = bytes(m.model().root());
        }
        AtomicLong lastDone = new AtomicLong(-1);
        AtomicLong lastTotal = new AtomicLong(-1);
        new CoreModelConverter().convert(new ConversionRequest(mlp, null, ConversionTarget.H5, WeightsFormat.LEGACY,
                dir.resolve("mlp.h5"), false, false), (done, total, item) -> {
                    lastDone.set(done);
                    lastTotal.set(total);
                }, CancellationToken.NEVER);
        assertEquals(modelBytes, lastTotal.get());
        assertEquals(modelBytes, lastDone.get());
    }

    private static long bytes(LayerNode node) {
        long n = node.variables().stream().mapToLong(VariableInfo::byteSize).sum();
        for (LayerNode child : node.children()) {
            n += bytes(child);
        }
        return n;
    }
}
