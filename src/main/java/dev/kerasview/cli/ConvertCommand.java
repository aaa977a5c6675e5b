package dev.kerasview.cli;

import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.convert.CancellationFlag;
import dev.kerasview.convert.ConversionException;
import dev.kerasview.convert.ConversionProgress;
import dev.kerasview.convert.ConversionRequest;
import dev.kerasview.convert.ConversionResult;
import dev.kerasview.convert.ConversionTarget;
import dev.kerasview.convert.Converter;
import dev.kerasview.convert.ModelOpener;
import dev.kerasview.convert.OutputDiagnosis;
import dev.kerasview.convert.PlannedLayer;
import dev.kerasview.convert.ShardLimit;
import dev.kerasview.convert.TempFiles;
import dev.kerasview.convert.WeightsFormat;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.model.ModelFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code convert} subcommand: any model to .keras, legacy .h5 or JSON + weights, verified. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a model to a Keras 3 .keras, a legacy .h5 or JSON + weights, then verify that Keras loads it.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written, and Keras 3.15.1 loads it",
                "1:refused or failed; nothing was left behind",
                "2:usage (bad arguments, no such file)",
                "3:written, and Keras loads it only where your code registers the classes it names"
                        + " (--allow-custom-code: 0)"})
public final class ConvertCommand implements Callable<Integer> {

    /** Exit code for a refused or failed conversion (nothing was left behind). */
    public static final int EXIT_FAILED = 1;

    /** Exit code for an output written that loads only where the person's own classes are registered. */
    public static final int EXIT_NEEDS_CODE = 3;

    /** Temporary outputs older than this are left over by a killed conversion. */
    private static final Duration STALE = Duration.ofHours(1);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .keras model (or a model file paired with --weights)")
    private Path file;

    @Option(names = "--to", required = true, paramLabel = "keras|h5|json",
            description = "keras: Keras 3 .keras archive; h5: legacy full model; json: to_json() + weights")
    private String to;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "the .keras or .h5, or the .json (weights go beside it)")
    private Path output;

    @Option(names = "--weights-format", paramLabel = "legacy|keras", defaultValue = "legacy",
            description = "weights beside a JSON: legacy <stem>_weights.h5 (default) or keras <stem>.weights.h5")
    private String weightsFormat;

    @Option(names = "--weights", paramLabel = "W", description = "separate weights file of FILE")
    private Path weights;

    @Option(names = "--force", description = "replace existing outputs")
    private boolean force;

    @Option(names = "--allow-missing", description = "write even when some layers' weights are absent")
    private boolean allowMissing;

    @Option(names = "--allow-custom-code",
            description = "accept an output that loads only where your own custom classes are registered: exit 0"
                    + " instead of 3, and write it even where the input already loads there")
    private boolean allowCustomCode;

    @Option(names = "--target-keras", paramLabel = "VERSION",
            description = "with --to keras: write the form this older Keras version loads (3.12 or 3.12.0), "
                    + "leaving out only arguments at their default; refused where a value has no equivalent")
    private String targetKeras;

    @Option(names = "--max-shard-size", paramLabel = "SIZE",
            description = "write Keras 3 weights in shards of at most SIZE (2GB, 500MB, 10KB, or bytes; 1KB = 1024 "
                    + "bytes, as Keras's max_shard_size) beside a JSON architecture: <stem>.json, "
                    + "<stem>.weights.json and <stem>_NNNNN.weights.h5 (Keras writes no sharded .keras); "
                    + "with --to keras or --to json --weights-format keras")
    private String maxShardSize;

    private final ModelOpener opener;
    private final OutputDiagnosis diagnosis;

    /** The command as the CLI runs it, over the project's readers. */
    public ConvertCommand() {
        this(ModelReader::open, OutputDiagnosis.diagnoser());
    }

    /** The command over another reader and diagnoser (tests). */
    public ConvertCommand(ModelOpener opener, OutputDiagnosis diagnosis) {
        this.opener = opener;
        this.diagnosis = diagnosis;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConversionTarget target = switch (to.toLowerCase(Locale.ROOT)) {
            case "h5" -> ConversionTarget.H5;
            case "json" -> ConversionTarget.JSON;
            case "keras" -> ConversionTarget.KERAS;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--to must be keras, h5 or json, not '" + to + "'");
        };
        WeightsFormat format = switch (weightsFormat.toLowerCase(Locale.ROOT)) {
            case "legacy" -> WeightsFormat.LEGACY;
            case "keras" -> WeightsFormat.KERAS;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--weights-format must be legacy or keras, not '" + weightsFormat + "'");
        };
        if (!Files.exists(file)) {
            err.println("kerasview convert: " + file + ": no such file");
            return KerasviewCommand.EXIT_USAGE;
        }
        if (weights != null && !Files.exists(weights)) {
            err.println("kerasview convert: " + weights + ": no such file");
            return KerasviewCommand.EXIT_USAGE;
        }
        KerasVersionTable versions = new KerasVersionTable();
        KerasRelease release = null;
        if (targetKeras != null) {
            if (target != ConversionTarget.KERAS) {
                err.println("kerasview convert: --target-keras needs --to keras");
                return KerasviewCommand.EXIT_USAGE;
            }
            release = versions.resolve(targetKeras).orElse(null);
            if (release == null) {
                err.println("kerasview convert: Keras " + targetKeras + " is not modelled (modelled: "
                        + CompatCommand.modelled(versions) + ")");
                return KerasviewCommand.EXIT_USAGE;
            }
        }
        ShardLimit shardLimit = null;
        if (maxShardSize != null) {
            if (target == ConversionTarget.H5 || (target == ConversionTarget.JSON && format != WeightsFormat.KERAS)) {
                err.println("kerasview convert: --max-shard-size writes sharded Keras 3 weights; use it with "
                        + "--to keras or with --to json --weights-format keras");
                return KerasviewCommand.EXIT_USAGE;
            }
            try {
                shardLimit = ShardLimit.parse(maxShardSize);
            } catch (IllegalArgumentException e) {
                err.println("kerasview convert: --max-shard-size: " + e.getMessage());
                return KerasviewCommand.EXIT_USAGE;
            }
        }
        ConversionRequest request = new ConversionRequest(file, weights, target, format, output, force, allowMissing,
                allowCustomCode, release, shardLimit);
        // The output is verified by the load walk of the version it is written for.
        OutputDiagnosis verify = release == null ? diagnosis : OutputDiagnosis.diagnoser(versions, release);
        cleanLeftovers(request, err);
        CancellationFlag cancel = new CancellationFlag();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C or SIGTERM: stop at the next write and let the conversion remove its temp files.
            cancel.cancel();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kerasview-convert-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        // Only a person at a terminal wants a progress line; scripts and CI logs get the result alone.
        TerminalProgress progress = System.console() != null ? new TerminalProgress(err, System::nanoTime) : null;
        try {
            ConversionResult result = new Converter(opener, verify, catalog())
                    .convert(request, progress != null ? progress : ConversionProgress.NONE, cancel);
            if (progress != null) {
                progress.finish();
            }
            report(result, out);
            return needsCode(result) && !allowCustomCode ? EXIT_NEEDS_CODE : 0;
        } catch (ConversionException e) {
            if (progress != null) {
                progress.finish();
            }
            err.println("kerasview convert: " + e.getMessage());
            return EXIT_FAILED;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting; the hook has run.
            }
        }
    }

    private static LayerCatalog catalog() {
        return new LayerCatalog();
    }

    private static void cleanLeftovers(ConversionRequest request, PrintWriter err) {
        for (Path out : Converter.outputs(request)) {
            try {
                for (Path p : TempFiles.cleanStale(out.getParent(), STALE)) {
                    err.println("kerasview convert: removed " + p.getFileName() + " left by an interrupted conversion");
                }
            } catch (IOException e) {
                // Cleaning is a courtesy; the conversion itself reports real problems.
            }
        }
    }

    /** True when Keras loads the output only given classes or functions of the person's own code. */
    private static boolean needsCode(ConversionResult r) {
        return r.verification().verdict() != null && !r.verification().verdict().requiredCode().isEmpty();
    }

    private static void report(ConversionResult r, PrintWriter out) {
        long tensors = r.plan().allWeights().size();
        out.println("wrote " + String.join(" and ", r.written().stream().map(Path::toString).toList())
                + " (" + r.plan().layers().size() + " layers, " + tensors + " tensors"
                + (r.plan().optimizerName() != null ? ", optimizer state of '" + r.plan().optimizerName() + "'" : "")
                + ")");
        r.notes().forEach(n -> out.println("note: " + n));
        for (PlannedLayer l : r.plan().missingLayers()) {
            out.println("warning: the output lacks the weights of layer '" + l.name() + "' (" + l.className()
                    + "): " + l.missing());
        }
        out.println("verified: " + r.verification().tensors() + " tensors (" + r.verification().bytes()
                + " bytes) read back identical to the source; " + r.verification().diagnosisLine());
    }
}
