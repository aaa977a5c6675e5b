package dev.kerasview.fuzz;

import java.time.Duration;

/**
 * What one run of the command did: exit code (null when it did not finish), standard output,
 * standard error (the command's writer plus anything written to the process streams), time taken,
 * and a throwable that escaped {@code KerasviewCommand.run} (null normally).
 */
record Outcome(Integer exitCode, String out, String err, Duration elapsed, boolean timedOut, Throwable escaped) {
}
