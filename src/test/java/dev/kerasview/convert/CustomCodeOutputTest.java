package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.TestEnvironment;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.diagnose.Diagnoser;
import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models that need the person's own classes: converted where the conversion mends what Keras refuses
 * even with those classes, refused where the source already loads given them, and never written
 * without the weights the classes' layers hold.
 */
class CustomCodeOutputTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TempDir
    Path dir;

    private ConversionResult convert(Path input, ConversionTarget target, boolean allowCustomCode)
            throws ConversionException {
        return new Converter(ModelReader::open, OutputDiagnosis.diagnoser(), new LayerCatalog()).convert(
                new ConversionRequest(input, null, target, WeightsFormat.LEGACY, dir.resolve("out." + target.name()
                        .toLowerCase()), false, false, allowCustomCode), ConversionProgress.NONE, CancellationToken.NEVER);
    }

    @Test
    void aLegacyCustomModelIsWrittenInKeras3FormNamingItsClasses() throws Exception {
        // Keras 3.15.1 on vae_ok.h5: "Unknown layer: 'VAEOk'"; the .keras output loads where the code
        // passes VAEOk (convert-truth/vae_ok.h5.to-keras: check_load_bare.py loads it)
        ConversionResult r = convert(FIXTURES.resolve("vae_ok/vae_ok.h5"), ConversionTarget.KERAS, false);
        assertEquals(List.of("VAEOk", "vae>Sampling"), r.verification().verdict().requiredCode());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("loads where your code registers VAEOk")), r.notes()
                .toString());
    }

    @Test
    void aFileThatAlreadyLoadsGivenItsClassesIsRefusedUnlessAsked() throws Exception {
        Path input = FIXTURES.resolve("custom_layer/custom_layer.keras");
        ConversionRefusedException e = assertThrows(ConversionRefusedException.class,
                () -> convert(input, ConversionTarget.H5, false));
        assertEquals(ConversionRefusal.NEEDS_CUSTOM_CODE, e.reason());
        assertTrue(e.getMessage().contains("custom_layer.keras already loads where your code registers "
                + "demo>ScaledDense"), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing may be written");
        }
        assertEquals(List.of("demo>ScaledDense"),
                convert(input, ConversionTarget.H5, true).verification().verdict().requiredCode());
    }

    @Test
    void conversionsAreOfferedOnlyWhereTheyCanHelp() throws Exception {
        Diagnoser diagnoser = new Diagnoser();
        for (String[] c : new String[][] {{"custom_layer/custom_layer.keras", "[]"},
                {"vae/vae.keras", "[KERAS, H5, JSON]"}, {"mlp/mlp.keras", "[KERAS, H5, JSON]"},
                {"compiled_trained/compiled_trained.h5", "[KERAS]"}}) {
            Path file = FIXTURES.resolve(c[0]);
            Diagnosis d = diagnoser.diagnose(file, null);
            try (OpenModel m = ModelReader.open(file, null)) {
                assertEquals(c[1], UsefulTargets.of(m.model(), d.loads(), d.findings()).toString(), c[0]);
            }
        }
    }

    @Test
    void aSubclassedModelWhoseConfigNamesNoLayersIsRefusedNotWrittenEmpty() throws Exception {
        // tf.keras 2.14 saved a VAE whose get_config() is {}: its 14 tensors have no place in any output
        TestEnvironment.assumeCorpus("files/algodm_vae/model.keras");
        Path input = Files.copy(TestEnvironment.corpus().resolve("files/algodm_vae/model.keras"),
                dir.resolve("model.keras"));
        ConversionRefusedException e = assertThrows(ConversionRefusedException.class,
                () -> convert(input, ConversionTarget.KERAS, true));
        // kerasview's replay cannot tell without the code whether Keras loads it: it names the class
        assertEquals(ConversionRefusal.NEEDS_CUSTOM_CODE, e.reason());
        assertTrue(e.getMessage().contains("already loads where your code registers VAE"), e.getMessage());
        assertTrue(e.getMessage().contains("describes none of the layers that hold its 14 stored variables"),
                e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(input), files.toList(), "nothing may be written");
        }
    }

    @Test
    void aTfKeras215ArchiveGetsItsKeras2ConfigUpgraded() throws Exception {
        // tf.keras 2.15 wrote Keras 3's weights layout under a Keras 2 config; Keras 3.15.1 refuses it
        // ("Could not locate class 'VAE'", then module keras.src.engine.functional). The output loads where
        // the code provides VAE and Sampling: convert-truth/jacob_3dit.to-keras.stand-in.txt is Keras 3.15.1
        // loading it with stand-in classes (check_stand_in_vae.py), holding the 58 stored tensors.
        TestEnvironment.assumeCorpus("files/jacob_3dit/vae.keras");
        Path input = Files.copy(TestEnvironment.corpus().resolve("files/jacob_3dit/vae.keras"), dir.resolve("vae.keras"));
        ConversionResult r = convert(input, ConversionTarget.KERAS, false);
        assertEquals(List.of("VAE", "Sampling"), r.verification().verdict().requiredCode());
        assertEquals(58, r.plan().allWeights().size());
        Diagnosis out = new Diagnoser().diagnose(r.written().get(0), null);
        assertTrue(out.loads(), out.findings().toString());
        List<String> truth = Files.readAllLines(ConvertedOutputTruthTest.TRUTHS.resolve(
                "jacob_3dit.to-keras.stand-in.keras-3.15.1.txt"));
        assertTrue(truth.contains("loaded 58 stored 58") && truth.contains("same multiset of tensors: True"),
                truth.toString());
    }
}
