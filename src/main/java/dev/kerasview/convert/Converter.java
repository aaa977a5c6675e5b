package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.config.KerasJson;
import dev.kerasview.diagnose.SaveLayout;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import dev.kerasview.hdf5.writer.AttributeValue;
import dev.kerasview.hdf5.writer.GroupWriter;
import dev.kerasview.hdf5.writer.Hdf5Writer;
import dev.kerasview.hdf5.writer.StringEncoding;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.WeightsLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Converts a Keras 3 model to a legacy .h5 or to JSON + weights: plans the weight mapping,
 * streams every tensor into temporary files, reads them back to verify, then renames them into
 * place. On refusal, failure or cancel nothing is left at the output paths.
 */
public final class Converter {

    /** The backend written into legacy files; any value but "theano" makes Keras load kernels as stored. */
    static final String BACKEND = "tensorflow";

    private final ModelOpener opener;
    private final OutputDiagnosis diagnosis;
    private final LayerCatalog catalog;
    private final ConfigUpgrade upgrade;

    /**
     * @param opener    reads the input and, for verification, the output
     * @param diagnosis runs the diagnoser on the output, or null when none is available
     * @param catalog   names built-in layers' variables, or null
     */
    public Converter(ModelOpener opener, OutputDiagnosis diagnosis, LayerCatalog catalog) {
        this.opener = opener;
        this.diagnosis = diagnosis;
        this.catalog = catalog != null ? catalog : new LayerCatalog();
        this.upgrade = new LegacyConfigUpgrade();
    }

    /** The rewrite into an older Keras version's form, or null for the newest version's own. */
    private static TargetVersionConfig targetForm(ConversionRequest request) {
        if (request.targetKeras() == null) {
            return null;
        }
        KerasVersionTable versions = new KerasVersionTable();
        return request.targetKeras().version().equals(versions.newest().version()) ? null
                : new TargetVersionConfig(versions, request.targetKeras());
    }

    /** The output files a request writes, main file first. */
    public static List<Path> outputs(ConversionRequest r) {
        Path input = r.input().toAbsolutePath();
        Path dir = input.getParent();
        String stem = stem(input.getFileName().toString());
        if (r.sharded()) {
            return shardedOutputs(r, input, dir.resolve(stem + ".json"));
        }
        if (r.target() == ConversionTarget.H5 || r.target() == ConversionTarget.KERAS) {
            String suffix = r.target() == ConversionTarget.H5 ? ".h5" : ".keras";
            Path beside = dir.resolve(stem + suffix);
            // A .keras converted to .keras (or an .h5 to .h5) keeps the input and gets a name of its own.
            if (beside.equals(input)) {
                beside = dir.resolve(stem + "-converted" + suffix);
            }
            return List.of(r.output() != null ? r.output().toAbsolutePath() : beside);
        }
        Path json = r.output() != null ? r.output().toAbsolutePath() : dir.resolve(stem + ".json");
        String jsonStem = stem(json.getFileName().toString());
        String weightsName = r.weightsFormat() == WeightsFormat.KERAS ? jsonStem + ".weights.h5"
                : jsonStem + "_weights.h5";
        return List.of(json, json.resolveSibling(weightsName));
    }

    /**
     * A sharded output's architecture and index ({@code <stem>.json}, {@code <stem>.weights.json});
     * the shards' names follow from the index's. {@code -o} names the architecture (a {@code .keras}
     * name gives its stem).
     */
    private static List<Path> shardedOutputs(ConversionRequest r, Path input, Path beside) {
        Path json = r.output() != null ? r.output().toAbsolutePath() : beside;
        String jsonStem = stem(json.getFileName().toString());
        json = json.resolveSibling(jsonStem + ".json");
        Path index = json.resolveSibling(jsonStem + ".weights.json");
        Path weights = r.weights() != null ? r.weights().toAbsolutePath() : null;
        if (r.output() == null && (json.equals(input) || index.equals(weights))) {
            // A sharded input converted beside itself keeps its files and gets names of its own.
            json = json.resolveSibling(jsonStem + "-converted.json");
            index = json.resolveSibling(jsonStem + "-converted.weights.json");
        }
        return List.of(json, index);
    }

    private static String stem(String name) {
        for (String suffix : List.of(".weights.h5", ".keras", ".json", ".h5", ".hdf5")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Runs the conversion; the exception message is one line a person can act on. */
    public ConversionResult convert(ConversionRequest request, ConversionProgress progress,
                                    CancellationToken cancel) throws ConversionException {
        List<Path> outputs = outputs(request);
        Path input = request.input().toAbsolutePath();
        for (Path out : outputs) {
            if (out.equals(input) || (request.weights() != null
                    && out.equals(request.weights().toAbsolutePath()))) {
                throw new ConversionException(out + " is the input; choose another output name");
            }
            if (Files.exists(out) && !request.force()) {
                throw new ConversionException(out + " already exists; use --force to replace it");
            }
        }
        try (OpenModel source = opener.open(request.input(), request.weights())) {
            ModelFile model = source.model();
            if (model.weightsLayout() == WeightsLayout.NPZ) {
                throw new ConversionRefusedException(ConversionRefusal.UNSUPPORTED_INPUT, input.getFileName()
                        + " keeps its weights in model.weights.npz (pickle-based), which kerasview does not read; "
                        + "nothing to convert");
            }
            if (model.weightsLayout() == WeightsLayout.NONE) {
                throw new ConversionRefusedException(ConversionRefusal.NO_WEIGHTS, input.getFileName()
                        + " holds no weights; nothing to convert");
            }
            if (request.sharded() && (request.target() == ConversionTarget.H5
                    || (request.target() == ConversionTarget.JSON && request.weightsFormat() != WeightsFormat.KERAS))) {
                throw new ConversionException("--max-shard-size writes sharded Keras 3 weights; use it with "
                        + "--to keras or with --to json --weights-format keras");
            }
            if (request.sharded() || request.target() == ConversionTarget.KERAS) {
                KerasArchiveConversion.Planned planned = new KerasArchiveConversion(catalog, upgrade,
                        targetForm(request)).plan(source, request.allowMissing());
                refuseIfNothingPlaced(planned.weights(), model, request);
                return request.sharded() ? writeSharded(request, outputs, model, planned, progress, cancel)
                        : writeKeras(request, outputs.get(0), source, planned, progress, cancel);
            }
            if (model.weightsLayout() != WeightsLayout.KERAS3) {
                throw new ConversionException(input.getFileName() + " is a " + model.format().description()
                        + "; only Keras 3 models (.keras, or JSON with Keras 3 weights) are converted");
            }
            WeightPlan plan = new WeightPlanner(new VariableNames(catalog)).plan(model);
            refuseIfNothingPlaced(plan, model, request);
            // The config the output carries: bytecode Lambdas replaced by built-in layers where exact.
            KerasConfigSource written = KerasArchiveConversion.lambdasReplaced(KerasJson.parse(model.configJson()));
            // Its stored weights must fit it whatever the target: the legacy loader's check cannot always tell
            // (a legacy config records no build shapes), Keras 3's layout can. With the MultiHeadAttention
            // policies --to keras mends, so that such a refusal stays "try --to keras".
            JsonNode keras3 = QuantizedAttentionPolicies.apply(written, model).config();
            new KerasLayoutPlanner().place(SaveLayout.of(keras3, catalog), plan, request.allowMissing());
            List<PlannedLayer> missing = plan.missingLayers();
            if (!missing.isEmpty() && !request.allowMissing()) {
                throw missingWeights(missing);
            }
            return write(request, outputs, source, model, written, plan, progress, cancel);
        } catch (UnreadableFileException e) {
            throw new ConversionException(e.getMessage());
        } catch (IOException e) {
            throw new ConversionException(input.getFileName() + ": the model config is not valid JSON");
        }
    }

    /**
     * A subclassed model whose config names none of the layers holding its stored variables: kerasview
     * cannot place them, and an output without them would load with fresh weights or not at all.
     */
    private void refuseIfNothingPlaced(WeightPlan plan, ModelFile model, ConversionRequest request)
            throws ConversionException, IOException {
        if (!plan.placesNothing() || request.allowMissing()) {
            return;
        }
        JsonNode cfg = KerasJson.parse(model.configJson());
        String cause = "the config of " + cfg.path("class_name").asText("the model") + " '"
                + cfg.path("config").path("name").asText("") + "' describes none of the layers that hold its "
                + plan.unplaced().size() + " stored variables (e.g. " + plan.unplaced().get(0)
                + "), so only the class's Python code knows where they go";
        LoadVerdict source = sourceVerdict(model);
        if (source != null && source.loads() && !source.requiredCode().isEmpty()) {
            throw new ConversionRefusedException(ConversionRefusal.NEEDS_CUSTOM_CODE, "refused, nothing written: "
                    + model.file().getFileName() + " already loads where your code registers "
                    + String.join(", ", source.requiredCode()) + ", and a conversion cannot supply that code: "
                    + cause, cause);
        }
        throw new ConversionRefusedException(ConversionRefusal.MISSING_WEIGHTS, "refused: " + cause
                + ". Load the model with that code and save it again with Keras 3, or use --allow-missing to write"
                + " the architecture without weights", cause);
    }

    private ConversionResult writeKeras(ConversionRequest request, Path output, OpenModel source,
                                        KerasArchiveConversion.Planned planned, ConversionProgress progress,
                                        CancellationToken cancel) throws ConversionException {
        KerasLayout layout = planned.layout();
        ProgressMeter meter = new ProgressMeter(progress, cancel, 2 * layout.totalBytes());
        TensorCopier copier = new TensorCopier(planned.tensors(), meter);
        AtomicOutput out = null;
        try {
            out = AtomicOutput.create(output, request.force());
            KerasArchiveConversion.write(out, planned, copier);
            VerificationReport report = new OutputVerifier(opener, diagnosis, meter,
                    new TensorComparer(planned.tensors(), meter)).verify(out.temp(), out.target(), layout);
            List<String> notes = new ArrayList<>(layout.notes());
            requireLoadable(report, request, !layout.missing().isEmpty(), source.model()).ifPresent(notes::add);
            meter.checkCancel();
            progress.update(meter.done(), meter.done(), "saving to disk");
            out.commit();
            progress.update(meter.done(), meter.done(), "done");
            return new ConversionResult(List.of(output), planned.weights(), report, notes);
        } catch (ProgressMeter.Cancelled e) {
            throw new ConversionCancelledException("conversion cancelled; nothing was written");
        } catch (IOException | RuntimeException e) {
            throw failed(e, cancel, output);
        } finally {
            if (out != null) {
                out.close();
            }
        }
    }

    /**
     * Writes a JSON architecture with sharded Keras 3 weights, as Keras's {@code save_weights(...,
     * max_shard_size=...)} lays them out (Keras 3.15.1 writes no sharded {@code .keras}).
     */
    private ConversionResult writeSharded(ConversionRequest request, List<Path> outputs, ModelFile source,
                                          KerasArchiveConversion.Planned planned, ConversionProgress progress,
                                          CancellationToken cancel) throws ConversionException {
        KerasLayout layout = planned.layout();
        List<KerasLayout.VarsGroup> ordered = ShardPlanner.inSaveOrder(layout.groups(),
                SaveLayout.saveOrder(planned.config().config(), catalog));
        ShardPlan shards = new ShardPlanner(request.maxShardSize()).plan(outputs.get(1).getFileName().toString(),
                ordered);
        ProgressMeter meter = new ProgressMeter(progress, cancel, 2 * layout.totalBytes());
        TensorCopier copier = new TensorCopier(planned.tensors(), meter);
        ShardedOutput out = null;
        try {
            out = ShardedOutput.create(outputs.get(0), outputs.get(1), request.force());
            out.write(KerasJson.toPythonJson(LegacyModelConfig.stripSharedIds(planned.config().config())), shards,
                    copier);
            VerificationReport report = new OutputVerifier(opener, diagnosis, meter,
                    new TensorComparer(planned.tensors(), meter)).verify(out.stagedJson(), out.stagedIndex(),
                    layout, shards);
            List<String> notes = new ArrayList<>(layout.notes());
            notes.add("Keras 3.15.1 writes no sharded .keras; the weights are in " + shards.shards().size()
                    + " shard(s) of at most " + request.maxShardSize().readable() + " beside "
                    + outputs.get(1).getFileName() + "; load with model = keras.models.model_from_json(open('"
                    + outputs.get(0).getFileName() + "').read()); model.load_weights('" + outputs.get(1).getFileName()
                    + "')");
            requireLoadable(report, request, !layout.missing().isEmpty(), source).ifPresent(notes::add);
            meter.checkCancel();
            progress.update(meter.done(), meter.done(), "saving to disk");
            out.commit();
            progress.update(meter.done(), meter.done(), "done");
            return new ConversionResult(out.targets(), planned.weights(), report, notes);
        } catch (ProgressMeter.Cancelled e) {
            throw new ConversionCancelledException("conversion cancelled; nothing was written");
        } catch (IOException | RuntimeException e) {
            throw failed(e, cancel, outputs.get(1));
        } finally {
            if (out != null) {
                out.close();
            }
        }
    }

    /**
     * Refuses an output Keras would not load; a note naming the person's code it needs, if any. An output
     * that needs the person's code is written where the conversion mends something Keras refuses even with
     * that code; where the source already loads with it, converting cannot help and is refused unless asked.
     */
    private Optional<String> requireLoadable(VerificationReport report, ConversionRequest request,
                                             boolean partial, ModelFile source) throws ConversionException {
        if (!report.passed()) {
            throw new ConversionException("verification failed, nothing written: " + report.problems().get(0)
                    + (report.problems().size() > 1 ? " (and " + (report.problems().size() - 1) + " more)" : ""));
        }
        LoadVerdict verdict = report.verdict();
        if (verdict == null) {
            return Optional.empty();
        }
        String target = request.target().name().toLowerCase(Locale.ROOT);
        if (!verdict.loads() && request.allowMissing() && partial) {
            // Asked for explicitly: the person keeps what there is and loads it with skip_mismatch.
            return Optional.of("Keras 3.15.1 refuses this partial output (" + verdict.problemLine()
                    + "); load its weights with load_weights(path, skip_mismatch=True)");
        }
        if (!verdict.loads()) {
            String other = request.target() == ConversionTarget.KERAS ? "" : "; try --to keras";
            throw new ConversionRefusedException(ConversionRefusal.OUTPUT_WOULD_NOT_LOAD,
                    "refused, nothing written: Keras 3.15.1 would not load the " + target + " output: "
                            + verdict.problemLine() + other);
        }
        if (verdict.requiredCode().isEmpty()) {
            return Optional.empty();
        }
        String names = String.join(", ", verdict.requiredCode());
        if (!request.allowCustomCode() && sourceLoadsWithItsCode(source)) {
            String cause = source.file().getFileName() + " already loads where your code registers " + names
                    + " (keras.saving.register_keras_serializable); a conversion cannot supply that code";
            throw new ConversionRefusedException(ConversionRefusal.NEEDS_CUSTOM_CODE, "refused, nothing written: "
                    + cause + "; to change its format anyway, use --allow-custom-code", cause);
        }
        return Optional.of("the " + target + " output loads where your code registers " + names
                + " (keras.saving.register_keras_serializable, or custom_objects={...} for a bare class name)");
    }

    /** True when Keras would load the source itself, given the person's own classes. */
    private boolean sourceLoadsWithItsCode(ModelFile source) {
        LoadVerdict verdict = sourceVerdict(source);
        return verdict != null && verdict.loads();
    }

    /** What the load replay predicts for the source itself, or null without a diagnoser. */
    private LoadVerdict sourceVerdict(ModelFile source) {
        return diagnosis == null ? null : diagnosis.verdict(source);
    }

    /** The refusal of an output that would lack the weights of {@code missing}. */
    static ConversionRefusedException missingWeights(List<PlannedLayer> missing) {
        String cause = describe(missing) + "; Keras would load the output with these layers uninitialised";
        return new ConversionRefusedException(ConversionRefusal.MISSING_WEIGHTS,
                "refused: " + cause + ". Use --allow-missing to write it anyway", cause);
    }

    static String describe(List<PlannedLayer> missing) {
        return missing.stream().map(l -> "layer '" + l.name() + "' (" + l.className() + "): " + l.missing())
                .collect(Collectors.joining("; "));
    }

    private ConversionResult write(ConversionRequest request, List<Path> outputs, OpenModel source,
                                   ModelFile model, KerasConfigSource replaced, WeightPlan plan,
                                   ConversionProgress progress, CancellationToken cancel) throws ConversionException {
        JsonNode root = replaced.config();
        String kerasVersion = model.kerasVersion() != null ? model.kerasVersion() : "3.0.0";
        Map<String, VariableInfo> readerVariables = new HashMap<>();
        if (model.root() != null) {
            model.root().allVariables().forEach(v -> readerVariables.put(v.path(), v));
        }
        boolean keras3Weights = request.target() == ConversionTarget.JSON
                && request.weightsFormat() == WeightsFormat.KERAS;
        List<String> notes = new ArrayList<>(plan.notes());
        notes.addAll(replaced.notes());
        DerivedTensors tensors = new DerivedTensors(source.tensors());
        if (!keras3Weights) {
            plan = new Bfloat16Widening(tensors).apply(plan, notes);
        }
        long total = keras3Weights ? storeBytes(model.weights()) : plan.totalBytes();
        ProgressMeter meter = new ProgressMeter(progress, cancel, 2 * total);
        TensorCopier copier = new TensorCopier(tensors, meter);
        List<AtomicOutput> opened = new ArrayList<>();
        WeightPlan written = plan;
        try {
            for (Path out : outputs) {
                opened.add(AtomicOutput.create(out, request.force()));
            }
            VerificationReport report;
            OutputVerifier verifier = new OutputVerifier(opener, diagnosis, meter,
                    new TensorComparer(tensors, meter));
            if (request.target() == ConversionTarget.H5) {
                AtomicOutput h5 = opened.get(0);
                writeH5(h5, root, plan, kerasVersion, copier, true);
                report = verifier.verify(h5.temp(), null, h5.target(), null, OutputVerifier.Layout.FULL_MODEL,
                        plan, model.weights());
                if (report.passed() && report.verdict() != null && report.verdict().failsOnlyToCompile()) {
                    // Keras cannot re-compile from this training_config and would refuse the whole
                    // file; without it Keras loads the model uncompiled.
                    h5.close();
                    opened.set(0, AtomicOutput.create(h5.target(), request.force()));
                    h5 = opened.get(0);
                    writeH5(h5, root, plan, kerasVersion, copier, false);
                    notes.add("training_config and optimizer state left out: " + report.verdict().problemLine()
                            + "; the model loads uncompiled, compile it again");
                    written = plan.withoutOptimizer();
                    report = verifier.verify(h5.temp(), null, h5.target(), null, OutputVerifier.Layout.FULL_MODEL,
                            written, model.weights());
                }
            } else {
                AtomicOutput json = opened.get(0);
                AtomicOutput weights = opened.get(1);
                byte[] text = KerasJson.toPythonJson(LegacyModelConfig.stripSharedIds(root))
                        .getBytes(StandardCharsets.UTF_8);
                ByteBuffer buf = ByteBuffer.wrap(text);
                while (buf.hasRemaining()) {
                    json.channel().write(buf);
                }
                json.finishWriting();
                try (Hdf5Writer w = new Hdf5Writer(weights.channel())) {
                    if (keras3Weights) {
                        new Keras3WeightsWriter(copier, readerVariables).write(w.root(), model.weights());
                    } else {
                        new LegacyLayoutWriter(copier).writeLayers(w.root(), plan, BACKEND, kerasVersion);
                    }
                }
                weights.finishWriting();
                report = verifier.verify(json.temp(), weights.temp(), json.target(), weights.target(), keras3Weights
                        ? OutputVerifier.Layout.KERAS3 : OutputVerifier.Layout.LEGACY_WEIGHTS, plan, model.weights());
            }
            requireLoadable(report, request, !written.missingLayers().isEmpty(), model).ifPresent(notes::add);
            meter.checkCancel();
            progress.update(meter.done(), meter.done(), "saving to disk");
            // Weights first: a JSON without its weights beside it is never left alone.
            for (int i = opened.size() - 1; i >= 0; i--) {
                opened.get(i).commit();
            }
            progress.update(meter.done(), meter.done(), "done");
            return new ConversionResult(outputs, written, report, notes);
        } catch (ProgressMeter.Cancelled e) {
            rollBack(opened);
            throw new ConversionCancelledException("conversion cancelled; nothing was written");
        } catch (ConversionException e) {
            rollBack(opened);
            throw e;
        } catch (IOException | RuntimeException e) {
            rollBack(opened);
            if (cancel.isCancelled() || causedByCancel(e)) {
                throw new ConversionCancelledException("conversion cancelled; nothing was written");
            }
            if (e instanceof IOException io) {
                throw new ConversionException(ioMessage(io, outputs.get(0)), e);
            }
            throw new ConversionException("conversion failed (" + e + "); nothing was written", e);
        } finally {
            opened.forEach(AtomicOutput::close);
        }
    }

    /** The exception to report for a write of {@code out} that failed with {@code e}. */
    private static ConversionException failed(Exception e, CancellationToken cancel, Path out) {
        if (cancel.isCancelled() || causedByCancel(e)) {
            return new ConversionCancelledException("conversion cancelled; nothing was written");
        }
        if (e instanceof IOException io) {
            return new ConversionException(ioMessage(io, out), e);
        }
        return new ConversionException("conversion failed (" + e + "); nothing was written", e);
    }

    /** The reader or writer may wrap the cancel signal raised inside a channel write. */
    private static boolean causedByCancel(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProgressMeter.Cancelled) {
                return true;
            }
        }
        return false;
    }

    private static void writeH5(AtomicOutput h5, JsonNode root, WeightPlan plan, String kerasVersion,
                                TensorCopier copier, boolean withTraining) throws IOException {
        try (Hdf5Writer w = new Hdf5Writer(h5.channel())) {
            GroupWriter g = w.root();
            g.attribute("backend", AttributeValue.string(BACKEND, StringEncoding.VLEN_UTF8));
            g.attribute("keras_version", AttributeValue.string(kerasVersion, StringEncoding.VLEN_UTF8));
            g.attribute("model_config", AttributeValue.string(
                    KerasJson.toPythonJson(LegacyModelConfig.modelConfig(root)), StringEncoding.VLEN_ASCII));
            JsonNode training = withTraining ? LegacyModelConfig.trainingConfig(root) : null;
            if (training != null) {
                g.attribute("training_config", AttributeValue.string(
                        KerasJson.toPythonJson(training), StringEncoding.VLEN_ASCII));
            }
            LegacyLayoutWriter layout = new LegacyLayoutWriter(copier);
            layout.writeLayers(g.group("model_weights"), plan, BACKEND, kerasVersion);
            if (training != null) {
                layout.writeOptimizer(g, plan);
            }
        }
        h5.finishWriting();
    }

    private static void rollBack(List<AtomicOutput> opened) {
        opened.forEach(AtomicOutput::rollBack);
    }

    /** Below this much free space a failed write is taken to be a full disk (the OS says so only in words). */
    static final long FULL_DISK_BYTES = 1L << 20;

    static String ioMessage(IOException e, Path out) {
        return ioMessage(e, out, usableBytes(out.toAbsolutePath().getParent()));
    }

    /** The message for a failed write of {@code out}, with {@code usable} bytes left where it goes. */
    static String ioMessage(IOException e, Path out, long usable) {
        if (usable < FULL_DISK_BYTES) {
            return "the disk holding " + out.toAbsolutePath().getParent() + " is full (" + usable
                    + " bytes free); nothing was written";
        }
        return "writing " + out.getFileName() + " failed (" + e.getMessage() + "); nothing was written";
    }

    /** Free bytes on the file store of {@code dir}; unknown counts as plenty. */
    private static long usableBytes(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long storeBytes(H5Group g) {
        long n = g.datasets().stream().mapToLong(H5Dataset::byteSize).sum();
        for (H5Group c : g.groups()) {
            n += storeBytes(c);
        }
        return n;
    }
}
