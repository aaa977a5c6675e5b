package dev.kerasview.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The damage generators on their own: they find the structures they claim to damage, and damage them. */
class DamageGeneratorsTest {

    private static byte[] fixture(String relative) throws IOException {
        return Files.readAllBytes(FuzzFixtures.file(relative));
    }

    @Test
    void zipLayoutFindsEveryHeaderOfAKerasArchiveBySignature() throws IOException {
        byte[] keras = fixture("mlp/mlp.keras");
        ZipLayout zip = new ZipLayout(keras);
        assertEquals(3, zip.signatures(ZipLayout.LOCAL_HEADER).size());
        assertEquals(3, zip.signatures(ZipLayout.CENTRAL_HEADER).size());
        assertEquals(List.of(zip.endRecord()), zip.signatures(ZipLayout.END_RECORD));
        assertEquals(List.of("metadata.json", "config.json", "model.weights.h5"),
                zip.entries().stream().map(ZipLayout.Entry::name).toList());
    }

    @Test
    void weightsEntryDataStartsWithTheHdf5Superblock() throws IOException {
        byte[] keras = fixture("mlp/mlp.keras");
        ZipLayout.Entry weights = new ZipLayout(keras).entry("model.weights.h5");
        assertNotNull(weights);
        Hdf5Layout h5 = new Hdf5Layout(keras, weights.dataOffset(), weights.size());
        assertEquals(weights.dataOffset(), h5.superblock());
        assertArrayEquals(Hdf5Layout.SIGNATURE,
                Arrays.copyOfRange(keras, weights.dataOffset(), weights.dataOffset() + 8));
    }

    @Test
    void superblockIsFoundAfterAUserBlockOf512Bytes() throws IOException {
        byte[] h5 = fixture("mlp/mlp.h5");
        byte[] shifted = new byte[512 + h5.length];
        System.arraycopy(h5, 0, shifted, 512, h5.length);
        assertEquals(512, new Hdf5Layout(shifted, 0, shifted.length).superblock());
        byte[] deeper = new byte[2048 + h5.length];
        System.arraycopy(h5, 0, deeper, 2048, h5.length);
        assertEquals(2048, new Hdf5Layout(deeper, 0, deeper.length).superblock());
    }

    @Test
    void objectHeadersAreFoundByFollowingTheVersion1Layout() throws IOException {
        byte[] h5 = fixture("mlp/mlp.weights.h5");
        Hdf5Layout layout = new Hdf5Layout(h5, 0, h5.length);
        assertEquals(0, layout.superblockVersion());
        List<Integer> headers = layout.objectHeaders();
        // the root group's header, read from the superblock's root symbol table entry
        assertEquals((int) LittleEndian.get(h5, 64, 8), headers.get(0));
        // every group and dataset has one: the 5 weighted layers alone hold 10 datasets
        assertTrue(headers.size() > 20, "found " + headers.size());
        for (int h : headers) {
            assertEquals(1, h5[h], "version-1 object header at " + h);
        }
    }

    @Test
    void everyDamagedCopyDiffersFromItsFixtureAndIsReproducible() throws IOException {
        Path folder = FuzzFixtures.folder();
        for (String name : List.of("mlp/mlp.keras", "mlp/mlp.h5", "mlp/mlp.json", "deep_cnn/deep_cnn.weights.h5")) {
            byte[] original = fixture(name);
            List<DamagedFile> first = new DamagePlan(42, 1).damage(folder.resolve(name));
            List<DamagedFile> second = new DamagePlan(42, 1).damage(folder.resolve(name));
            assertEquals(first.size(), second.size());
            for (int i = 0; i < first.size(); i++) {
                DamagedFile d = first.get(i);
                assertFalse(Arrays.equals(original, d.bytes()), d.label() + " left the file unchanged");
                assertArrayEquals(d.bytes(), second.get(i).bytes(), d.label() + " is not reproducible");
                assertTrue(DamagePlan.CLASSES.contains(d.damageClass()), d.damageClass());
            }
        }
    }

    @Test
    void eachFileKindGetsTheDamageClassesOfItsFormat() throws IOException {
        Path folder = FuzzFixtures.folder();
        assertEquals(DamagePlan.CLASSES.stream().sorted().toList(),
                classes(folder.resolve("mlp/mlp.keras")).keySet().stream().toList());
        assertEquals(List.of("bit-flip", "hdf5-object-header", "hdf5-superblock", "hdf5-tree-heap", "truncation", "zeroed-range"),
                classes(folder.resolve("mlp/mlp.h5")).keySet().stream().toList());
        assertEquals(List.of("bit-flip", "config-json", "truncation", "zeroed-range"),
                classes(folder.resolve("mlp/mlp.json")).keySet().stream().toList());
    }

    private static Map<String, Integer> classes(Path fixture) {
        Map<String, Integer> counts = new TreeMap<>();
        for (DamagedFile d : new DamagePlan(7, 1).damage(fixture)) {
            counts.merge(d.damageClass(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void configDamageRewritesAValidArchiveWithOnlyConfigJsonChanged() throws IOException {
        byte[] keras = fixture("mlp/mlp.keras");
        List<DamagedFile> config = new DamagePlan(3, 1).damage(FuzzFixtures.file("mlp/mlp.keras")).stream()
                .filter(d -> d.damageClass().equals("config-json")).toList();
        assertEquals(JsonMutator.KINDS.size(), config.size());
        for (DamagedFile d : config) {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(d.bytes()))) {
                int entries = 0;
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    byte[] data = in.readAllBytes();
                    entries++;
                    if (e.getName().equals("config.json")) {
                        assertFalse(Arrays.equals(ArchiveRewriter.read(keras, "config.json"), data), d.label());
                    } else {
                        assertArrayEquals(ArchiveRewriter.read(keras, e.getName()), data, d.label());
                    }
                }
                assertEquals(3, entries);
            }
        }
    }

    @Test
    void hdf5DamageInsideAnArchiveKeepsTheEntryCrcValid() throws IOException {
        List<DamagedFile> h5 = new DamagePlan(5, 1).damage(FuzzFixtures.file("mlp/mlp.keras")).stream()
                .filter(d -> d.damageClass().startsWith("hdf5-")).toList();
        assertFalse(h5.isEmpty());
        for (DamagedFile d : h5) {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(d.bytes()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    in.readAllBytes(); // ZipInputStream checks each STORED entry's CRC
                }
            }
        }
    }

    @Test
    void jsonMutationsCoverInvalidTextDeepNestingAndHugeNumbers() throws IOException {
        JsonMutator mutator = new JsonMutator(fixture("mlp/mlp.json"));
        Random rnd = new Random(11);
        for (String kind : JsonMutator.KINDS) {
            for (int i = 0; i < 20; i++) {
                JsonMutator.Mutation m = mutator.mutate(kind, rnd);
                assertFalse(Arrays.equals(fixture("mlp/mlp.json"), m.bytes()), kind + " " + m.detail());
            }
        }
        boolean sawDeep = false;
        for (int i = 0; i < 30; i++) {
            JsonMutator.Mutation m = mutator.mutate("deep-nesting", rnd);
            sawDeep |= new String(m.bytes(), StandardCharsets.UTF_8).contains("[".repeat(100_000))
                    || new String(m.bytes(), StandardCharsets.UTF_8).contains("{\"a\":".repeat(100_000));
        }
        assertTrue(sawDeep, "100,000-level nesting is among the deep-nesting mutations");
    }

    @Test
    void theCiPlanDamagesAtLeast2000Files() {
        DamagePlan plan = new DamagePlan(FixtureFuzzTest.CI_SEED, 1);
        int total = 0;
        for (Path fixture : DamagePlan.fixtures(FuzzFixtures.folder())) {
            total += plan.damage(fixture).size();
        }
        assertTrue(total >= 2000, "only " + total + " damaged files");
    }
}
