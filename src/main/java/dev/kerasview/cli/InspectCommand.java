package dev.kerasview.cli;

import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kerasview inspect FILE}: prints the layer tree with every variable. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print the layer tree of a Keras model file with its variables.")
public final class InspectCommand implements Callable<Integer> {

    /** Exit code when the file is not a readable model. */
    public static final int EXIT_UNREADABLE = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "model file or unzipped .keras folder")
    private Path file;

    @Option(names = "--weights", paramLabel = "W", description = "separate weights file (for model.json)")
    private Path weights;

    @Option(names = "--json", description = "print JSON instead of text")
    private boolean json;

    @Option(names = "--stats", description = "add sum, min, max, mean and std of each variable")
    private boolean stats;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (OpenModel m = ModelReader.open(file, weights)) {
            if (json) {
                out.println(new TreeJsonWriter(m.tensors(), stats).write(m.model()));
            } else {
                new TreeTextPrinter(out, m.tensors(), stats).print(m.model());
                out.println();
                new SummaryTable(out).print(m.model().root());
            }
            out.flush();
            return 0;
        } catch (UnreadableFileException e) {
            err.println("kerasview: " + e.getMessage());
            return EXIT_UNREADABLE;
        } catch (IOException | RuntimeException | Error e) {
            // A bug or an I/O failure still ends in one readable line, never a stack trace.
            err.println("kerasview: " + file.getFileName() + ": cannot be inspected: "
                    + oneLine(e));
            return EXIT_UNREADABLE;
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replaceAll("[\\s\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ");
    }
}
