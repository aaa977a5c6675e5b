package dev.kerasview.convert;

import java.util.List;

/**
 * What re-reading the written files showed.
 *
 * @param tensors       tensors whose bytes were compared with the source
 * @param bytes         bytes compared
 * @param problems      differences found (empty when the output matches)
 * @param diagnosed     whether the diagnoser ran on the output
 * @param verdict       the load replay's verdict on the output, or null when it did not run
 */
public record VerificationReport(int tensors, long bytes, List<String> problems, boolean diagnosed,
                                 LoadVerdict verdict) {

    public VerificationReport {
        problems = List.copyOf(problems);
    }

    /** True when the output matched the source. */
    public boolean passed() {
        return problems.isEmpty();
    }

    /** The same line as {@link #diagnosisLine()} (kept for callers of the first API). */
    public String diagnosis() {
        return diagnosisLine();
    }

    /** One line about the diagnoser's verdict. */
    public String diagnosisLine() {
        if (!diagnosed) {
            return "diagnose did not run";
        }
        if (verdict == null) {
            return "diagnose: the output could not be replayed";
        }
        if (!verdict.loads()) {
            return "diagnose: Keras " + verdict.keras() + " would not load it: " + verdict.problemLine();
        }
        return verdict.requiredCode().isEmpty() ? "diagnose: Keras " + verdict.keras() + " would load it"
                : "diagnose: Keras " + verdict.keras() + " would load it where your code registers "
                + String.join(", ", verdict.requiredCode());
    }
}
