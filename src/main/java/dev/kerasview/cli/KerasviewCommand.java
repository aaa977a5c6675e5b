package dev.kerasview.cli;

import dev.kerasview.model.Product;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code kerasview} command that dispatches to the headless subcommands. */
@Command(name = "kerasview", mixinStandardHelpOptions = true, version = Product.VERSION,
        description = "View, diagnose and convert Keras model files.",
        subcommands = {InspectCommand.class, DiagnoseCommand.class, CompatCommand.class,
                ConvertCommand.class})
public final class KerasviewCommand implements Runnable {

    /** Exit code for bad arguments or a missing file. */
    public static final int EXIT_USAGE = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing subcommand");
    }

    /** The subcommands, for suggestions when one is mistyped. */
    private static final List<String> SUBCOMMANDS = List.of("inspect", "diagnose", "compat", "convert");

    /**
     * The message for a first argument that looks like a mistyped subcommand ({@code diagnos})
     * rather than a file to open: no such file exists and it is one or two edits from a
     * subcommand. Empty otherwise.
     */
    public static Optional<String> mistypedSubcommand(String first) {
        if (first.startsWith("-") || Files.exists(Path.of(first))) {
            return Optional.empty();
        }
        String lower = first.toLowerCase(Locale.ROOT);
        for (String command : SUBCOMMANDS) {
            if (distance(lower, command) <= 2) {
                return Optional.of("kerasview: unknown command '" + first + "' (did you mean '" + command + "'?)");
            }
        }
        return Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
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
