package dev.kerasview.convert;

import java.util.List;

/**
 * What re-reading the written files showed.
 *
 * @param tensors    tensors whose bytes were compared with the source
 * @param bytes      bytes compared
 * @param problems   differences found (empty when the output matches)
 * @param diagnosis  the diagnoser's verdict on the output, or a statement why it did not run
 */
public record VerificationReport(int tensors, long bytes, List<String> problems, String diagnosis) {

    public VerificationReport {
        problems = List.copyOf(problems);
    }

    /** True when the output matched the source. */
    public boolean passed() {
        return problems.isEmpty();
    }
}
