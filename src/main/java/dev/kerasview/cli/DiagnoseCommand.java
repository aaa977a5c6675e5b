package dev.kerasview.cli;

import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.diagnose.Diagnoser;
import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.model.FileFormat;
import dev.kerasview.model.Finding;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kerasview diagnose FILE}: predicts whether Keras 3 loads the file and what fails. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Predict whether keras.saving.load_model (Keras 3.15.1, or --keras) loads a file, "
                + "and which layers fail, why, and what to do.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:Keras would load the file", "1:Keras would fail (also for a damaged "
                + "or non-model file); with --strict, also when it needs custom code the file does "
                + "not carry", "2:bad arguments or no such file"})
public final class DiagnoseCommand implements Callable<Integer> {

    /** Exit code when Keras would load the file. */
    public static final int EXIT_LOADS = 0;
    /** Exit code when Keras would fail. */
    public static final int EXIT_FAILS = 1;

    /** How long reading a file's structure may take before the file is called unreadable. */
    static final Duration LIMIT = Duration.ofSeconds(5);

    @Spec
    private CommandSpec spec;

    @Mixin
    private PredictionInput input;

    @Option(names = "--keras", paramLabel = "VERSION",
            description = "predict for this Keras version (3.12 or 3.12.0; default: the newest "
                    + "modelled)")
    private String keras;

    @Option(names = "--strict", description = "count a file that needs custom code it does not carry "
            + "as failing (for CI jobs that load files without the training code)")
    private boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!input.exist(err)) {
            return KerasviewCommand.EXIT_USAGE;
        }
        KerasVersionTable versions = new KerasVersionTable();
        Optional<KerasRelease> release = keras == null ? Optional.of(versions.newest())
                : versions.resolve(keras);
        if (release.isEmpty()) {
            err.println("kerasview: Keras " + keras + " is not modelled (modelled: "
                    + CompatCommand.modelled(versions) + ")");
            return KerasviewCommand.EXIT_USAGE;
        }
        Diagnosis d;
        try {
            d = new Diagnoser(versions, release.get()).diagnose(input.file, input.weights, LIMIT);
        } catch (RuntimeException | StackOverflowError e) {
            // A defect in kerasview must not look like a verdict about the file being fine.
            d = new Diagnosis(input.file.getFileName().toString(), FileFormat.UNKNOWN, null, false,
                    List.of(Finding.internalError(InspectCommand.oneLine(e))));
        }
        if (input.json) {
            out.println(DiagnosisJson.write(d));
            out.flush();
        } else {
            new DiagnosisText(out, release.get().version().toString()).print(d);
        }
        return d.loads() && !(strict && !d.requires().isEmpty()) ? EXIT_LOADS : EXIT_FAILS;
    }
}
