package dev.kerasview.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What opening a hostile file with the reader API must satisfy: an answer in time, only UnreadableFileException. */
final class ReaderRules {

    private ReaderRules() {
    }

    static List<String> problems(Outcome o, Duration limit) {
        List<String> problems = new ArrayList<>();
        if (o.timedOut()) {
            problems.add("reader gave no answer within " + limit.toSeconds() + " s (hang; " + o.cpu().toMillis() + " ms CPU)");
            return problems;
        }
        if (o.escaped() != null) {
            problems.add("reader threw " + describe(o.escaped()));
        }
        problems.addAll(VerdictRules.noStackTrace(o));
        if (o.exitCode() != null && o.exitCode() == 2) {
            String message = o.err().strip();
            if (message.isBlank()) {
                problems.add("UnreadableFileException without a message");
            } else if (message.lines().count() > 1) {
                problems.add("UnreadableFileException message spans lines: " + VerdictRules.firstLine(message));
            }
        }
        return problems;
    }

    /** The throwable and where it came from, enough to find the defect without a stack trace. */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String frames = Arrays.stream(root.getStackTrace()).filter(f -> f.getClassName().startsWith("dev.kerasview"))
                .limit(3).map(f -> f.getClassName().replace("dev.kerasview.", "") + ":" + f.getLineNumber())
                .collect(Collectors.joining(" < "));
        String where = frames.isEmpty() && root.getStackTrace().length > 0 ? root.getStackTrace()[0].toString() : frames;
        return t.getClass().getSimpleName() + (root != t ? " (cause " + root.getClass().getSimpleName() + ")" : "")
                + ": " + VerdictRules.firstLine(String.valueOf(root.getMessage())) + " at " + where;
    }
}
