package dev.kerasview.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample of the damaged fixtures, each diagnosed by {@code kerasview} in its own JVM with a
 * 256 MB heap: the memory bound and the real process streams (no stack trace, one JSON verdict).
 */
@Timing
class FuzzChildJvmTest {

    /** JVM start-up (about a second here) on top of the 5 s the in-process run allows. */
    static final Duration CHILD_LIMIT = Duration.ofSeconds(12);

    @Test
    void sampleOfDamagedFixturesGetsAVerdictInAChildJvmWith256MbHeap(@TempDir Path work)
            throws IOException, InterruptedException {
        List<DamagedFile> sample = sample();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long slowest = 0;
        for (int i = 0; i < sample.size(); i++) {
            DamagedFile d = sample.get(i);
            Path dir = Files.createDirectories(work.resolve("run" + i));
            Path tmp = Files.createDirectories(work.resolve("tmp" + i));
            Path logs = Files.createDirectories(work.resolve("logs" + i));
            Path file = Files.write(dir.resolve(d.fileName()), d.bytes());
            ChildJvm child = new ChildJvm(dir, logs, "-Xmx256m", "-Djava.io.tmpdir=" + tmp);
            List<String> problems = new ArrayList<>();
            Outcome o = child.run(CHILD_LIMIT, "diagnose", file.toString(), "--json");
            slowest = Math.max(slowest, o.elapsed().toMillis());
            problems.addAll(VerdictRules.problems(o, CHILD_LIMIT));
            if (o.everything().contains("OutOfMemoryError")) {
                problems.add("ran out of memory under -Xmx256m");
            }
            try (var left = Files.list(tmp)) {
                left.forEach(p -> problems.add("left temporary file " + p.getFileName()));
            }
            if (!problems.isEmpty()) {
                failures.add(d.label() + ": " + String.join("; ", problems));
            }
        }
        System.out.printf("fuzz (child JVMs, -Xmx256m): %d damaged files, %d failures, %.1f s, slowest %d ms%n",
                sample.size(), failures.size(), (System.nanoTime() - start) / 1e9, slowest);
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertTrue(sample.size() >= 20, "sample has " + sample.size() + " files");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** One file per damage class of the biggest archive, plus HDF5 and JSON damage of the biggest other files. */
    private static List<DamagedFile> sample() {
        DamagePlan plan = new DamagePlan(FixtureFuzzTest.CI_SEED, 1);
        Random rnd = new Random(FixtureFuzzTest.CI_SEED);
        List<DamagedFile> sample = new ArrayList<>();
        sample.addAll(onePerClass(plan.damage(FuzzFixtures.file("deep_cnn/deep_cnn.keras")), rnd, 11));
        sample.addAll(onePerClass(plan.damage(FuzzFixtures.file("deep_cnn/deep_cnn.h5")), rnd, 6));
        sample.addAll(onePerClass(plan.damage(FuzzFixtures.file("vae_ok/vae_ok.weights.h5")), rnd, 1));
        List<DamagedFile> json = plan.damage(FuzzFixtures.file("deep_cnn/deep_cnn.json")).stream()
                .filter(d -> d.detail().startsWith("deep-nesting") || d.detail().startsWith("nested-models")).toList();
        sample.addAll(json);
        return sample;
    }

    private static List<DamagedFile> onePerClass(List<DamagedFile> files, Random rnd, int max) {
        Map<String, List<DamagedFile>> byClass = new LinkedHashMap<>();
        files.forEach(d -> byClass.computeIfAbsent(d.damageClass(), c -> new ArrayList<>()).add(d));
        return byClass.values().stream().limit(max).map(l -> l.get(rnd.nextInt(l.size()))).toList();
    }
}
