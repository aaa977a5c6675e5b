package dev.kerasview.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A hostile input run through {@code kerasview} in a child JVM with a 256 MB heap, its own
 * temporary folder and working folder, and a record of every file the run added, changed or
 * removed in the input's folder, its parent, the working folder, or left in the temporary folder.
 */
final class HostileRun {

    static final Duration LIMIT = Duration.ofSeconds(12);

    private final Path root;
    private final Path inputs;
    private final Path tmp;
    private final Path cwd;
    private final Path logs;

    /** Lays out {@code root}: {@code case/inner/} for inputs, {@code tmp/}, {@code cwd/}, {@code logs/}. */
    HostileRun(Path root) throws IOException {
        this.root = root;
        this.inputs = Files.createDirectories(root.resolve("case").resolve("inner"));
        this.tmp = Files.createDirectories(root.resolve("tmp"));
        this.cwd = Files.createDirectories(root.resolve("cwd"));
        this.logs = Files.createDirectories(root.resolve("logs"));
    }

    /** Where inputs go; {@code ../} from here lands in {@code case/}, which is watched too. */
    Path inputs() {
        return inputs;
    }

    Path root() {
        return root;
    }

    Path input(String name, byte[] bytes) throws IOException {
        return Files.write(inputs.resolve(name), bytes);
    }

    /** The outcome plus a list of side effects (empty when the run touched nothing it should not). */
    record Result(Outcome outcome, List<String> sideEffects) {
        /** Every problem: the verdict rules, memory, side effects. */
        List<String> verdictProblems() {
            List<String> problems = new ArrayList<>(VerdictRules.problems(outcome, LIMIT));
            problems.addAll(memoryAndSideEffects());
            return problems;
        }

        /** Problems for a run that may also end as a usage error (exit 2 with a one-line message). */
        List<String> clearAnswerProblems() {
            if (outcome.exitCode() != null && outcome.exitCode() == 2) {
                List<String> problems = new ArrayList<>(VerdictRules.noStackTrace(outcome));
                if (outcome.err().isBlank()) {
                    problems.add("exit 2 without a message");
                }
                problems.addAll(memoryAndSideEffects());
                return problems;
            }
            return verdictProblems();
        }

        List<String> memoryAndSideEffects() {
            List<String> problems = new ArrayList<>();
            if (outcome.everything().contains("OutOfMemoryError")) {
                problems.add("ran out of memory under -Xmx256m");
            }
            problems.addAll(sideEffects);
            return problems;
        }

        @Override
        public String toString() {
            return "exit " + outcome.exitCode() + " in " + outcome.elapsed().toMillis() + " ms; stdout: "
                    + VerdictRules.firstLine(outcome.out()) + "; stderr: " + VerdictRules.firstLine(outcome.err())
                    + "; side effects: " + sideEffects;
        }
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    /** Runs with a command prefix (for example {@code setpriv ...}) before {@code java}. */
    Result run(List<String> prefix, String... args) throws IOException, InterruptedException {
        ChildJvm child = new ChildJvm(cwd, logs, "-Xmx256m", "-Djava.io.tmpdir=" + tmp);
        FolderSnapshot before = FolderSnapshot.of(root.resolve("case"), cwd);
        List<String> topBefore = top();
        List<String> command = new ArrayList<>(prefix);
        command.addAll(child.command(args));
        Outcome outcome = child.run(LIMIT, command);
        List<String> effects = new ArrayList<>(FolderSnapshot.of(root.resolve("case"), cwd).changesSince(before));
        try (var left = Files.list(tmp)) {
            left.forEach(p -> effects.add("left in the temporary folder: " + p.getFileName()));
        }
        List<String> topAfter = top();
        topAfter.removeAll(topBefore);
        topAfter.forEach(p -> effects.add("added next to the case folder: " + p));
        return new Result(outcome, effects);
    }

    private List<String> top() throws IOException {
        try (var list = Files.list(root)) {
            return new ArrayList<>(list.map(p -> p.getFileName().toString()).toList());
        }
    }
}
