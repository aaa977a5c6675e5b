package dev.kerasview.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.Timing;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages every fixture in many ways and checks that {@code diagnose --json} still answers each
 * one with a clear JSON verdict, in time, without a stack trace. Runs in this JVM with a per-file
 * time limit; {@link FuzzChildJvmTest} proves the memory bound on a sample in a child JVM.
 */
class FixtureFuzzTest {

    /** Fixed seed of the CI run, so that a failure reproduces. */
    static final long CI_SEED = 20_261_127L;

    static final Duration LIMIT = Duration.ofSeconds(5);

    /** How one damaged file is run and judged. */
    private interface Check {
        Outcome run(InProcessRunner runner, Path file);

        List<String> problems(Outcome outcome);
    }

    private static final Check DIAGNOSE = new Check() {
        @Override
        public Outcome run(InProcessRunner runner, Path file) {
            return runner.run("diagnose", file.toString(), "--json");
        }

        @Override
        public List<String> problems(Outcome outcome) {
            return VerdictRules.problems(outcome, LIMIT);
        }
    };

    private static final Check READER = new Check() {
        private final dev.kerasview.diagnose.Diagnoser diagnoser = new dev.kerasview.diagnose.Diagnoser();

        @Override
        public Outcome run(InProcessRunner runner, Path file) {
            return runner.run(new ReaderTask(file, diagnoser));
        }

        @Override
        public List<String> problems(Outcome outcome) {
            return ReaderRules.problems(outcome, LIMIT);
        }
    };

    @Test
    @Timing
    void everyDamagedFixtureGetsAClearDiagnoseVerdictInTime(@TempDir Path work) throws IOException {
        fuzz(work, DIAGNOSE, CI_SEED, 1, "diagnose --json fuzz (CI, seed " + CI_SEED + ")", 2_000);
    }

    @Test
    @Timing
    void everyDamagedFixtureIsOpenedOrRefusedCleanlyByTheReader(@TempDir Path work) throws IOException {
        fuzz(work, READER, CI_SEED, 1, "ModelReader.open + statistics + Diagnoser fuzz (CI, seed " + CI_SEED + ")", 2_000);
    }

    /** The long run: {@code mvn -B -ntp test -Pslow -Dtest=FixtureFuzzTest}; seed and rounds overridable. */
    @Test
    @Tag("slow")
    void manyMoreDamagedFixturesGetAClearDiagnoseVerdictInTime(@TempDir Path work) throws IOException {
        long seed = Long.getLong("kerasview.fuzz.seed", 7_777_777L);
        int rounds = Integer.getInteger("kerasview.fuzz.rounds", 6);
        fuzz(work, DIAGNOSE, seed, rounds, "diagnose --json fuzz (slow, seed " + seed + ", " + rounds + " rounds)", 2_000 * rounds);
    }

    @Test
    @Tag("slow")
    void manyMoreDamagedFixturesAreOpenedOrRefusedCleanlyByTheReader(@TempDir Path work) throws IOException {
        long seed = Long.getLong("kerasview.fuzz.seed", 7_777_777L);
        int rounds = Integer.getInteger("kerasview.fuzz.rounds", 6);
        fuzz(work, READER, seed, rounds, "ModelReader.open + statistics + Diagnoser fuzz (slow, seed " + seed + ", " + rounds + " rounds)", 2_000 * rounds);
    }

    private static void fuzz(Path work, Check check, long seed, int rounds, String title, int minimum) throws IOException {
        PrintStream console = System.out;
        DamagePlan plan = new DamagePlan(seed, rounds);
        FuzzReport report = new FuzzReport();
        long start = System.nanoTime();
        int n = 0;
        try (InProcessRunner runner = new InProcessRunner(LIMIT)) {
            // -Dkerasview.fuzz.only=gru_reset runs the fixtures whose path contains that text
            String only = System.getProperty("kerasview.fuzz.only", "");
            for (Path fixture : DamagePlan.fixtures(FuzzFixtures.folder())) {
                if (!fixture.toString().contains(only)) {
                    continue;
                }
                for (DamagedFile damaged : plan.damage(fixture)) {
                    Path dir = Files.createDirectories(work.resolve(Integer.toString(n++)));
                    Path file = Files.write(dir.resolve(damaged.fileName()), damaged.bytes());
                    Outcome outcome = check.run(runner, file);
                    List<String> problems = check.problems(outcome);
                    report.record(damaged, outcome, problems);
                    deleteTree(dir);
                }
            }
        }
        String summary = report.summary(title, Duration.ofNanos(System.nanoTime() - start));
        console.println(summary);
        assertTrue(report.total() >= minimum || !System.getProperty("kerasview.fuzz.only", "").isEmpty(), "only " + report.total() + " damaged files were run");
        assertTrue(report.failures().isEmpty(), summary);
    }

    /** Removes the run's folder, including anything the tool may have left in it. */
    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
