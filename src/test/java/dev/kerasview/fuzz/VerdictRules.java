package dev.kerasview.fuzz;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a {@code diagnose --json} run on a hostile file must satisfy: an answer within the time
 * limit, exit 0 or 1, one parseable JSON verdict with {@code loads} and {@code findings}, a
 * readable reason when it does not load, and no stack trace anywhere.
 */
final class VerdictRules {

    static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");
    static final Pattern THREAD_DEATH = Pattern.compile("Exception in thread");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private VerdictRules() {
    }

    /** Problems with the run; empty when it gave a clear verdict. */
    static List<String> problems(Outcome o, Duration limit) {
        List<String> problems = new ArrayList<>();
        if (o.timedOut()) {
            problems.add("no answer within " + limit.toSeconds() + " s (hang; " + o.cpu().toMillis() + " ms CPU)");
            return problems;
        }
        if (o.escaped() != null) {
            problems.add("threw " + o.escaped());
        }
        problems.addAll(noStackTrace(o));
        if (o.exitCode() == null || (o.exitCode() != 0 && o.exitCode() != 1)) {
            problems.add("exit code " + o.exitCode() + ", expected 0 or 1; stderr: " + firstLine(o.err()));
        }
        JsonNode verdict;
        try {
            verdict = JSON.readTree(o.out());
        } catch (Exception e) {
            problems.add("stdout is not one JSON object: " + firstLine(e.getMessage()) + "; stdout: " + firstLine(o.out()));
            return problems;
        }
        if (verdict == null || !verdict.isObject()) {
            problems.add("stdout is not a JSON object: " + firstLine(o.out()));
            return problems;
        }
        JsonNode loads = verdict.get("loads");
        if (loads == null || !loads.isBoolean()) {
            problems.add("verdict has no boolean 'loads': " + firstLine(o.out()));
            return problems;
        }
        if (!verdict.path("findings").isArray()) {
            problems.add("verdict has no 'findings' array");
        }
        if (o.exitCode() != null && (o.exitCode() == 0) != loads.booleanValue()) {
            problems.add("exit code " + o.exitCode() + " contradicts loads=" + loads);
        }
        for (JsonNode f : verdict.path("findings")) {
            // DiagnoseCommand turns an exception into this finding: a defect, not a verdict on the file
            if ("INTERNAL_ERROR".equals(f.path("code").asText())) {
                problems.add("internal error reported as a finding: " + firstLine(f.path("message").asText()));
            }
        }
        if (!loads.booleanValue()) {
            boolean explained = false;
            for (JsonNode f : verdict.path("findings")) {
                explained |= !f.path("message").asText("").isBlank();
            }
            if (!explained) {
                problems.add("loads=false without any finding that has a message");
            }
        }
        return problems;
    }

    /**
     * Problems with an {@code inspect --json} run: exit 0 with a JSON tree, or exit 2 with one
     * readable line. "cannot be inspected" is how InspectCommand reports an exception other than
     * UnreadableFileException, i.e. a reader bug swallowed into a message.
     */
    static List<String> inspectProblems(Outcome o, Duration limit) {
        List<String> problems = new ArrayList<>();
        if (o.timedOut()) {
            problems.add("inspect gave no answer within " + limit.toSeconds() + " s (hang; " + o.cpu().toMillis() + " ms CPU)");
            return problems;
        }
        if (o.escaped() != null) {
            problems.add("inspect threw " + o.escaped());
        }
        problems.addAll(noStackTrace(o));
        if (o.exitCode() != null && o.exitCode() == 0) {
            try {
                JsonNode tree = JSON.readTree(o.out());
                if (tree == null || !tree.has("model")) {
                    problems.add("inspect printed no model tree: " + firstLine(o.out()));
                }
            } catch (Exception e) {
                problems.add("inspect --json output is not JSON: " + firstLine(e.getMessage()));
            }
        } else if (o.exitCode() != null && o.exitCode() == 2) {
            if (o.err().isBlank()) {
                problems.add("inspect exit 2 without a message");
            } else if (o.err().contains("cannot be inspected") || o.err().contains("internal error")) {
                problems.add("inspect hit an unexpected exception: " + firstLine(o.err()));
            }
        } else {
            problems.add("inspect exit code " + o.exitCode() + ", expected 0 or 2; stderr: " + firstLine(o.err()));
        }
        return problems;
    }

    /** Stack-trace problems only (for commands whose output is not a verdict). */
    static List<String> noStackTrace(Outcome o) {
        List<String> problems = new ArrayList<>();
        for (String stream : new String[] {o.err(), o.out(), o.stray()}) {
            if (STACK_FRAME.matcher(stream).find() || THREAD_DEATH.matcher(stream).find()) {
                problems.add("stack trace printed: " + firstLine(stream.substring(Math.max(0, firstFrame(stream) - 200))));
            }
        }
        return problems;
    }

    private static int firstFrame(String s) {
        var m = STACK_FRAME.matcher(s);
        if (m.find()) {
            return m.start();
        }
        int t = s.indexOf("Exception in thread");
        return Math.max(t, 0);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "null";
        }
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
