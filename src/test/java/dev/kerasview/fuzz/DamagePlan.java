package dev.kerasview.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Every kind of damage applied to one fixture, chosen by the file's content (zip, HDF5 or JSON),
 * reproducible from a seed; {@code rounds} multiplies the random cases for longer runs.
 */
final class DamagePlan {

    /** Damage classes in report order. */
    static final List<String> CLASSES = List.of(
            "truncation", "bit-flip", "zeroed-range",
            "zip-local-header", "zip-central-directory", "zip-end-record",
            "hdf5-superblock", "hdf5-object-header", "hdf5-tree-heap",
            "config-json", "metadata-json");

    private final long seed;
    private final int rounds;

    DamagePlan(long seed, int rounds) {
        this.seed = seed;
        this.rounds = rounds;
    }

    /** The fixture model files: every .keras, .h5 and .json under the folder. */
    static List<Path> fixtures(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".keras") || p.toString().endsWith(".h5")
                            || p.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<DamagedFile> damage(Path fixture) {
        byte[] original;
        try {
            original = Files.readAllBytes(fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = fixture.getFileName().toString();
        Random rnd = new Random(seed ^ name.hashCode() * 0x9E3779B97F4A7C15L ^ fixture.getParent().getFileName().hashCode());
        List<DamagedFile> out = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // landmarks once; later rounds add random cut points only
            out.addAll(ByteDamage.truncations(name, original, rnd, round == 0 ? 3 : 8, round == 0));
            out.addAll(ByteDamage.bitFlips(name, original, rnd, 1, 1, 8, 64));
            out.addAll(ByteDamage.zeroedRanges(name, original, rnd, 16, 256, 4096));
            if (ZipLayout.isZip(original)) {
                out.addAll(zipDamage(name, original, rnd, round == 0));
            } else if (Hdf5Layout.isHdf5(original)) {
                Hdf5Damage h5 = new Hdf5Damage(name, original, 0, original.length, null);
                out.addAll(h5.superblock(rnd, 4));
                out.addAll(h5.objectHeaders(rnd, 5));
                out.addAll(h5.treesAndHeaps(rnd, 3));
            } else {
                out.addAll(jsonDamage("config-json", name, original, rnd, json -> json));
            }
        }
        return out;
    }

    private List<DamagedFile> zipDamage(String name, byte[] original, Random rnd, boolean firstRound) {
        List<DamagedFile> out = new ArrayList<>();
        out.addAll(ZipDamage.localHeaders(name, original, rnd, 4));
        out.addAll(ZipDamage.centralDirectory(name, original, rnd, 4));
        List<DamagedFile> end = ZipDamage.endRecord(name, original, rnd, 3);
        out.addAll(firstRound ? end : end.subList(0, end.size() - 2));
        ZipLayout.Entry weights = new ZipLayout(original).entry("model.weights.h5");
        if (weights != null) {
            Hdf5Damage h5 = new Hdf5Damage(name, original, weights.dataOffset(), weights.size(), weights);
            out.addAll(h5.superblock(rnd, 4));
            out.addAll(h5.objectHeaders(rnd, 5));
            out.addAll(h5.treesAndHeaps(rnd, 3));
        }
        if (!ArchiveRewriter.intact(original)) {
            return out;
        }
        byte[] config = ArchiveRewriter.read(original, "config.json");
        if (config != null) {
            out.addAll(jsonDamage("config-json", name, config, rnd,
                    json -> ArchiveRewriter.replace(original, "config.json", json)));
        }
        byte[] metadata = ArchiveRewriter.read(original, "metadata.json");
        if (metadata != null) {
            List<DamagedFile> meta = jsonDamage("metadata-json", name, metadata, rnd,
                    json -> ArchiveRewriter.replace(original, "metadata.json", json));
            out.addAll(meta.subList(0, 2));
            out.add(meta.get(4 + rnd.nextInt(meta.size() - 4)));
        }
        return out;
    }

    /** One mutation of each kind, the result wrapped back into the file by {@code into}. */
    private static List<DamagedFile> jsonDamage(String damageClass, String name, byte[] json, Random rnd,
            java.util.function.UnaryOperator<byte[]> into) {
        JsonMutator mutator;
        try {
            mutator = new JsonMutator(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + ": fixture JSON does not parse", e);
        }
        List<DamagedFile> out = new ArrayList<>();
        for (String kind : JsonMutator.KINDS) {
            JsonMutator.Mutation m = mutator.mutate(kind, rnd);
            out.add(new DamagedFile(damageClass, kind + ": " + m.detail(), name, into.apply(m.bytes())));
        }
        return out;
    }
}
