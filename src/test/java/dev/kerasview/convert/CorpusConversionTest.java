package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.TestEnvironment;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.formats.ModelReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world .keras of the shared corpus either converts and verifies, or is refused with
 * one readable line; files Keras 3.15.1 loads must convert.
 */
class CorpusConversionTest {

    private static final Path CORPUS = TestEnvironment.corpus();

    @TempDir
    Path dir;

    static Stream<Arguments> corpus() throws Exception {
        Path manifest = CORPUS.resolve("MANIFEST.tsv");
        if (!Files.exists(manifest)) {
            // one placeholder case, which then skips saying why
            return Stream.of(Arguments.of("(corpus absent)", false));
        }
        return Files.readAllLines(manifest).stream().skip(1).map(l -> l.split("\t"))
                .filter(c -> c.length >= 10 && c[0].endsWith(".keras"))
                .map(c -> Arguments.of(c[0], c[9].equals("OK")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void convertsOrRefusesWithOneLine(String file, boolean kerasLoadsIt) throws Exception {
        TestEnvironment.assumeCorpus("MANIFEST.tsv");
        Path input = dir.resolve("model.keras");
        Files.copy(CORPUS.resolve(file), input);
        try {
            ConversionResult r = new Converter(ModelReader::open, null, new LayerCatalog()).convert(
                    new ConversionRequest(input, null, ConversionTarget.H5, WeightsFormat.LEGACY, null, false, false),
                    ConversionProgress.NONE, CancellationToken.NEVER);
            assertTrue(r.verification().passed(), r.verification().problems().toString());
        } catch (ConversionException e) {
            assertFalse(kerasLoadsIt, "Keras loads " + file + " but the converter refused: " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertFalse(e.getMessage().startsWith("conversion failed ("), "an internal error: " + e.getMessage());
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> left = s.filter(TempFiles::isTempFile).toList();
            assertTrue(left.isEmpty(), "temp files left: " + left);
        }
    }
}
