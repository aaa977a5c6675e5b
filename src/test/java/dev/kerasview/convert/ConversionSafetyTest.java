package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.model.VariableInfo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/** Interruption, cancellation and refusal: the input never changes and no partial output remains. */
class ConversionSafetyTest {

    /** Hidden units of the generated model: two 128 MiB kernels, enough to be killed midway. */
    private static final int BIG_UNITS = 1 << 21;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path big;

    @BeforeAll
    static void generateLargeModel() {
        ReferenceTools.assumeH5py();
        big = shared.resolve("big.keras");
        ReferenceTools.Result r = ReferenceTools.run(List.of(ReferenceTools.python(),
                "src/test/resources/convert/make_big_model.py", Fixtures.file("mlp", ".keras").toString(),
                big.toString(), Integer.toString(BIG_UNITS)));
        assertEquals(0, r.exit(), r.err());
    }

    private static Converter converter() {
        return new Converter(ModelReader::open, null, new LayerCatalog());
    }

    private static ConversionRequest h5(Path input, Path output, boolean force, boolean allowMissing) {
        return new ConversionRequest(input, null, ConversionTarget.H5, WeightsFormat.LEGACY, output, force, allowMissing);
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void killedConversionLeavesNoOutputAndItsTempFileIsRecognisedAndCleanedUp() throws Exception {
        String before = ReferenceTools.sha256(big);
        Path out = dir.resolve("big.h5");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                ConvertChildProcess.class.getName(), big.toString(), out.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long seen = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("progress ")) {
                    seen = Long.parseLong(line.split(" ")[1]);
                    if (seen > 0) {
                        break;
                    }
                }
                assertFalse(line.equals("finished"), "the child finished before it could be killed");
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(seen > 0, "the child reported writing before it was killed");
        assertEquals(before, ReferenceTools.sha256(big), "the input is unchanged");
        assertFalse(Files.exists(out), "nothing at the output path");
        List<Path> left = files(dir);
        assertTrue(left.stream().allMatch(TempFiles::isTempFile), "only recognisable temp files remain: " + left);
        // A temp file younger than the age limit may belong to a running conversion: kept.
        assertTrue(TempFiles.cleanStale(dir, Duration.ofHours(1)).isEmpty());
        for (Path p : left) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        }
        assertEquals(left, TempFiles.cleanStale(dir, Duration.ofHours(1)).stream().sorted().toList());
        assertEquals(List.of(), files(dir));
    }

    @Test
    void aModelFiveTimesLargerThanTheHeapConvertsBecauseTensorsStream() throws Exception {
        Path out = dir.resolve("big.h5");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                ConvertChildProcess.class.getName(), big.toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue(), output.lines().filter(l -> !l.startsWith("progress")).toList().toString());
        assertTrue(output.contains("finished"));
        assertTrue(Files.size(out) > Files.size(big) * 9 / 10, "the output holds all the tensors");
    }

    @Test
    void cancelWhileWritingLeavesNothingBehind() throws Exception {
        assertCancelLeavesNothing("writing");
    }

    @Test
    void cancelWhileVerifyingLeavesNothingBehind() throws Exception {
        assertCancelLeavesNothing("verifying");
    }

    private void assertCancelLeavesNothing(String phase) throws Exception {
        String before = ReferenceTools.sha256(big);
        Path out = dir.resolve("big.h5");
        CancellationFlag flag = new CancellationFlag();
        ConversionProgress progress = (done, total, item) -> {
            if (item.startsWith(phase) && done > (8L << 20)) {
                flag.cancel();
            }
        };
        ConversionCancelledException e = assertThrows(ConversionCancelledException.class,
                () -> converter().convert(h5(big, out, false, false), progress, flag));
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertEquals(before, ReferenceTools.sha256(big));
        assertEquals(List.of(), files(dir), "no output and no temp file");
    }

    /** The zip CRC-32 of a .keras is computed while writing, not read back: the tensor comparison still sees the byte. */
    @ParameterizedTest
    @EnumSource(value = ConversionTarget.class, names = {"H5", "KERAS"})
    void anOutputWhoseTensorBytesChangedOnDiskFailsVerificationAndIsNotKept(ConversionTarget target) throws Exception {
        Path input = dir.resolve("cnn.keras");
        Files.copy(Fixtures.file("cnn", ".keras"), input);
        Path out = dir.resolve(target == ConversionTarget.H5 ? "cnn.h5" : "cnn-converted.keras");
        long[] flipped = {-1};
        // Damages the written file between writing and reading back, as a faulty disk or a bug
        // in the writer's addressing would.
        ModelOpener damaging = (file, weights) -> {
            if (TempFiles.isTempFile(file) && flipped[0] < 0) {
                flipped[0] = flipInLargestTensor(file);
            }
            return ModelReader.open(file, weights);
        };
        ConversionException e = assertThrows(ConversionException.class, () -> new Converter(damaging, null,
                new LayerCatalog()).convert(new ConversionRequest(input, null, target, WeightsFormat.LEGACY, out,
                        false, false), ConversionProgress.NONE, CancellationToken.NEVER));
        assertTrue(flipped[0] >= 0, "the output was damaged");
        assertTrue(e.getMessage().startsWith("verification failed, nothing written")
                && e.getMessage().contains("bytes differ from the source"), e.getMessage());
        assertEquals(List.of(input), files(dir), "only the input remains");
    }

    /** Inverts one byte in the middle of the file's largest tensor; returns its offset there. */
    private static long flipInLargestTensor(Path file) {
        try (var m = ModelReader.open(file, null)) {
            List<VariableInfo> vars = m.model().root().allVariables();
            var largest = vars.stream().max(Comparator.comparingLong(
                    VariableInfo::byteSize)).orElseThrow();
            return ByteFlip.inMiddle(file, m.tensors().storedRegion(largest).orElseThrow());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void existingOutputIsRefusedWithoutForceAndReplacedWithIt() throws Exception {
        Path input = Fixtures.file("mlp", ".keras");
        Path out = dir.resolve("mlp.h5");
        Files.writeString(out, "keep me");
        ConversionException e = assertThrows(ConversionException.class,
                () -> converter().convert(h5(input, out, false, false), ConversionProgress.NONE, CancellationToken.NEVER));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("--force"), e.getMessage());
        assertEquals("keep me", Files.readString(out));
        converter().convert(h5(input, out, true, false), ConversionProgress.NONE, CancellationToken.NEVER);
        assertTrue(Files.size(out) > 1000);
        assertEquals(List.of(out), files(dir));
    }

    @Test
    void missingWeightsAreRefusedNamingTheLayerAndWrittenOnlyWithAllowMissing() throws Exception {
        Path input = Fixtures.ROOT.resolve("broken_missing_layer_group/broken_missing_layer_group.keras");
        Path out = dir.resolve("broken.h5");
        ConversionException e = assertThrows(ConversionException.class,
                () -> converter().convert(h5(input, out, false, false), ConversionProgress.NONE, CancellationToken.NEVER));
        assertTrue(e.getMessage().contains("'dense_hidden'") && e.getMessage().contains("--allow-missing"), e.getMessage());
        assertEquals(List.of(), files(dir));
        ConversionResult r = converter().convert(h5(input, out, false, true), ConversionProgress.NONE, CancellationToken.NEVER);
        assertEquals(List.of("dense_hidden"), r.plan().missingLayers().stream().map(PlannedLayer::name).toList());
        assertTrue(r.verification().passed());
    }

    @Test
    void readOnlyOutputFolderIsRefusedAndLeftEmpty() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root ignores permission bits; sysfs refuses new files even to root.
            Path folder = Files.isWritable(ro) ? Path.of("/sys") : ro;
            Assumptions.assumeTrue(Files.isDirectory(folder), "skipped: no read-only folder available");
            List<Path> before = files(folder);
            ConversionException e = assertThrows(ConversionException.class,
                    () -> converter().convert(h5(Fixtures.file("mlp", ".keras"), folder.resolve("mlp.h5"), false, false),
                            ConversionProgress.NONE, CancellationToken.NEVER));
            assertTrue(e.getMessage().startsWith("cannot"), e.getMessage());
            assertEquals(before, files(folder));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void missingOutputFolderIsRefused() {
        ConversionException e = assertThrows(ConversionException.class,
                () -> converter().convert(h5(Fixtures.file("mlp", ".keras"), dir.resolve("nope/mlp.h5"), false, false),
                        ConversionProgress.NONE, CancellationToken.NEVER));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void sharedLayersOfTheVaeAreWrittenWithTheEncoderWeights() throws Exception {
        Path out = dir.resolve("vae_functional_shared.h5");
        ConversionResult r = converter().convert(h5(Fixtures.file("vae_functional_shared", ".keras"), out, false, false),
                ConversionProgress.NONE, CancellationToken.NEVER);
        assertTrue(r.verification().passed(), String.valueOf(r.verification().problems()));
        PlannedLayer zMean = r.plan().layers().stream().filter(l -> l.name().equals("z_mean")).findFirst().orElseThrow();
        PlannedLayer encoder = r.plan().layers().stream().filter(l -> l.name().equals("encoder")).findFirst().orElseThrow();
        assertTrue(encoder.weights().stream().map(w -> w.source().path()).toList()
                .containsAll(zMean.weights().stream().map(w -> w.source().path()).toList()));
    }
}
