package dev.kerasview.ui;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * kerasview's log, {@code $XDG_STATE_HOME/kerasview/kerasview.log}: the errors nothing else
 * caught, with their traces, for a bug report. Kept below 1 MB by starting afresh.
 */
public final class LogFile {

    private static final long MAX_BYTES = 1 << 20;

    private final Path file;

    /** A log written to {@code file}. */
    public LogFile(Path file) {
        this.file = file;
    }

    /** The log in the user's state folder. */
    static LogFile forCurrentUser() {
        return new LogFile(StateFolder.forCurrentUser().resolve("kerasview.log"));
    }

    /** Where the log is. */
    public Path file() {
        return file;
    }

    /** Appends {@code error} with its trace, from {@code thread}; failing to write loses only the entry. */
    public synchronized void error(Thread thread, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        append(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " ERROR uncaught in thread \"" + thread.getName() + "\"\n"
                + trace);
    }

    private void append(String entry) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                Files.delete(file);
            }
            Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the person still sees the message; only the trace for a bug report is lost
        }
    }

    /** The log's text (its last 200 KB), or a sentence saying it is empty. */
    public String tail() {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return "The log is empty: nothing has gone wrong.";
            }
            byte[] all = Files.readAllBytes(file);
            int from = Math.max(0, all.length - 200 * 1024);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "The log cannot be read: " + e.getMessage();
        }
    }
}
