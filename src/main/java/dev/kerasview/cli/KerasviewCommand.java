package dev.kerasview.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code kerasview} command that dispatches to the headless subcommands. */
@Command(name = "kerasview", mixinStandardHelpOptions = true, version = "kerasview 0.1.0",
        description = "View, diagnose and convert Keras model files.",
        subcommands = {InspectCommand.class, DiagnoseCommand.class, ConvertCommand.class})
public final class KerasviewCommand implements Runnable {

    /** Exit code for bad arguments or a missing file. */
    public static final int EXIT_USAGE = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing subcommand");
    }

    /** Runs the command line and returns the exit code; never throws. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs with the given output streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new KerasviewCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A bug must still surface as one readable line, not a stack trace.
            commandLine.getErr().println("kerasview: internal error: " + ex);
            return EXIT_USAGE;
        });
        return cl.execute(args);
    }
}
