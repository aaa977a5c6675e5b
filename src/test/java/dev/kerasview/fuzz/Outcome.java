package dev.kerasview.fuzz;

import java.time.Duration;

/**
 * What one run did: exit code (null when it did not finish), its standard output and error
 * writers, anything else written to the process streams meanwhile ({@code stray}: library logs),
 * wall-clock and CPU time, and a throwable that escaped the run (null normally).
 */
record Outcome(Integer exitCode, String out, String err, String stray, Duration elapsed, Duration cpu,
        boolean timedOut, Throwable escaped) {

    /** A run in another process: everything it wrote is in out and err; CPU time unknown. */
    static Outcome ofProcess(Integer exitCode, String out, String err, Duration elapsed, boolean timedOut) {
        return new Outcome(exitCode, out, err, "", elapsed, Duration.ZERO, timedOut, null);
    }

    /** Every text the run wrote. */
    String everything() {
        return out + "\n" + err + "\n" + stray;
    }
}
