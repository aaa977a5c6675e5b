package dev.kerasview.diagnose;

import static dev.kerasview.model.FindingCode.DAMAGED_WEIGHTS;
import static dev.kerasview.model.FindingCode.INVALID_CONFIG;
import static dev.kerasview.model.FindingCode.MISSING_WEIGHTS;
import static dev.kerasview.model.FindingCode.NOT_A_MODEL;
import static dev.kerasview.model.FindingCode.NO_ARCHITECTURE;
import static dev.kerasview.model.FindingCode.NPZ_WEIGHTS;
import static dev.kerasview.model.FindingCode.WRONG_SUFFIX;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.catalog.LoaderBehaviour;
import dev.kerasview.config.KerasJson;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import dev.kerasview.model.FileFormat;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.Severity;
import dev.kerasview.model.WeightsLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Predicts what one Keras version (by default the newest modelled, 3.15.1) does with a file:
 * {@code load_model} for .keras and .h5, {@code model_from_json} + {@code load_weights} for JSON
 * with weights. Keras routes by file name suffix, so the suffix is compared with the content
 * first.
 */
public final class Diagnoser {

    private final LayerCatalog catalog = new LayerCatalog();
    private final LayerArguments arguments;

    /** Predicts for the newest modelled Keras version. */
    public Diagnoser() {
        this.arguments = new LayerArguments();
    }

    /** Predicts for {@code release}, one of {@code versions}. */
    public Diagnoser(KerasVersionTable versions, KerasRelease release) {
        this.arguments = new LayerArguments(versions, release);
    }

    /** The Keras version whose load this diagnoser replays. */
    public KerasRelease release() {
        return arguments.release();
    }

    /**
     * Opens and diagnoses a file; a file the reader cannot open is itself a verdict (loads is
     * false with an {@code UNREADABLE} finding).
     */
    public Diagnosis diagnose(Path file, Path weightsOrNull) {
        try (OpenModel open = ModelReader.open(file, weightsOrNull)) {
            return diagnose(open.model());
        } catch (UnreadableFileException e) {
            return unreadable(file, e.getMessage());
        }
    }

    /**
     * Like {@link #diagnose(Path, Path)}, but gives up after {@code limit}: a file built to make
     * readers loop (cyclic HDF5 links) still gets a verdict. The abandoned reading runs on in a
     * daemon thread.
     */
    public Diagnosis diagnose(Path file, Path weightsOrNull, Duration limit) {
        FutureTask<Diagnosis> task = new FutureTask<>(() -> diagnose(file, weightsOrNull));
        Thread worker = new Thread(task, "kerasview-diagnose");
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return unreadable(file, file.getFileName() + ": reading its structure did not finish "
                    + "within " + limit.toSeconds() + " s (a damaged or hostile file, e.g. "
                    + "cyclic HDF5 links)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreadable(file, "the diagnosis was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return unreadable(file, "kerasview could not finish the diagnosis: "
                    + String.valueOf(cause.getMessage()).replaceAll("\\s+", " "));
        }
    }

    private static final Set<FindingCode> SHARD_CODES = EnumSet.of(FindingCode.MISSING_SHARD);

    /** The verdict on an opened file. */
    public Diagnosis diagnose(ModelFile m) {
        List<Finding> findings;
        try {
            findings = FindingMerger.merge(verdict(m));
        } catch (RuntimeException | StackOverflowError e) {
            // A defect here must read as one line, and must not pass for a sound file.
            findings = new ArrayList<>(List.of(Finding.internalError(
                    String.valueOf(e.getMessage()).replaceAll("\\s+", " "))));
        }
        // Keras opens a shard only from its weight_map entry: a missing one aborts the load.
        List<Finding> shardErrors = m.problems().stream()
                .filter(p -> SHARD_CODES.contains(p.code()))
                .map(p -> p.withSeverity(Severity.ERROR)).toList();
        findings.addAll(0, shardErrors);
        Set<FindingCode> codes = EnumSet.noneOf(FindingCode.class);
        findings.forEach(f -> codes.add(f.code()));
        for (Finding p : m.problems()) {
            // The reader's notes stay visible; the verdict is this class's alone.
            if (!codes.contains(p.code())) {
                findings.add(p.severity() == Severity.ERROR ? p.withSeverity(Severity.WARNING) : p);
            }
        }
        return Diagnosis.of(m.file().getFileName().toString(), m.format(), m.kerasVersion(),
                findings);
    }

    /** The verdict when the file cannot be read at all (damaged, not a model). */
    public Diagnosis unreadable(Path file, String reason) {
        String name = file.getFileName().toString();
        String message = suffix(name, ".keras")
                ? "File not found: filepath=" + name + ". Please ensure the file is an "
                + "accessible `.keras` zip file."
                : reason;
        Finding f = Finding.error(FindingCode.UNREADABLE)
                .message(message)
                .cause(reason == null ? "The file is not a readable Keras model." : reason)
                .remedies(Remedies.REPAIR)
                .build();
        return Diagnosis.of(name, FileFormat.UNKNOWN, null, List.of(f));
    }

    private List<Finding> verdict(ModelFile m) {
        String name = m.file().getFileName().toString();
        FileFormat format = m.format();
        boolean kerasSuffix = suffix(name, ".keras");
        boolean h5Suffix = suffix(name, ".h5") || suffix(name, ".hdf5");
        return switch (format) {
            case KERAS_ARCHIVE, KERAS_DIRECTORY -> {
                if (format == FileFormat.KERAS_ARCHIVE && !kerasSuffix) {
                    yield List.of(error(WRONG_SUFFIX, h5Suffix
                            ? "Unable to open file (file signature not found)"
                            : "File format not supported: filepath=" + name + ". Keras 3 only "
                            + "supports V3 `.keras` files and legacy H5 format files "
                            + "(`.h5` extension).", "The file is a .keras zip archive under "
                            + "another suffix; Keras chooses the loader by suffix.",
                            Remedies.RENAME));
                }
                yield archive(m);
            }
            case LEGACY_H5 -> {
                if (kerasSuffix) {
                    yield List.of(fileNotFound(name, "The file is a legacy HDF5 model under a "
                            + ".keras name; Keras expects a zip archive there."));
                }
                yield legacy(m);
            }
            case WEIGHTS_H5, LEGACY_WEIGHTS_H5, SHARDED_WEIGHTS -> {
                if (kerasSuffix) {
                    yield List.of(fileNotFound(name, "The file holds only weights (HDF5) under a "
                            + ".keras name; Keras expects a zip archive there."));
                }
                yield List.of(Finding.error(FindingCode.NO_ARCHITECTURE)
                        .message("No model config found in the file at " + name + ".")
                        .cause("The file holds weights only; the architecture lives in code or in "
                                + "a separate JSON file.")
                        .remedies(Remedies.PAIR_ARCHITECTURE)
                        .build());
            }
            case JSON_WITH_WEIGHTS -> jsonWithWeights(m);
            case JSON_ONLY -> List.of(Finding.error(FindingCode.NO_WEIGHTS)
                    .message("File format not supported: filepath=" + name + ". Keras 3 only "
                            + "supports V3 `.keras` files and legacy H5 format files (`.h5` "
                            + "extension).")
                    .cause("The file is an architecture without weights; load_model does not "
                            + "read JSON.")
                    .remedies("Rebuild it with keras.models.model_from_json(open(path).read()) "
                            + "and load its weights file with model.load_weights(...).")
                    .build());
            default -> List.of(kerasSuffix ? fileNotFound(name, "The file is not a zip archive.")
                    : error(NOT_A_MODEL, "The file is not a Keras model file.",
                    "Its content matches none of the Keras formats.", Remedies.REPAIR));
        };
    }

    private List<Finding> archive(ModelFile m) {
        JsonNode config = config(m);
        if (config == null) {
            return List.of(error(INVALID_CONFIG, "config.json is missing or not valid JSON.",
                    "The archive's architecture cannot be read.", Remedies.REPAIR));
        }
        List<Finding> out = new ArrayList<>();
        H5Group weights = m.weights();
        if (m.weightsLayout() == WeightsLayout.NPZ) {
            out.addAll(new KerasConfigChecks(catalog, arguments).check(config));
            out.addAll(versioned(config));
            if (out.stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
                out.add(npz());
            }
            return out;
        }
        if (weights == null || m.weightsLayout() == WeightsLayout.NONE) {
            out.addAll(new KerasConfigChecks(catalog, arguments).check(config));
            out.addAll(versioned(config));
            if (out.stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
                boolean present = m.archiveEntries().contains("model.weights.h5");
                out.add(present
                        ? error(DAMAGED_WEIGHTS, "model.weights.h5 cannot be opened as HDF5.",
                        "The archive's weights entry is damaged or truncated.", Remedies.REPAIR)
                        : error(MISSING_WEIGHTS, "Expected a model.weights.h5 or "
                                + "model.weights.npz file.",
                        "The archive has no weights entry.", Remedies.REPAIR));
            }
            return out;
        }
        out.addAll(new KerasArchiveDiagnosis(catalog, arguments).diagnose(config, weights));
        out.addAll(versioned(config));
        return out;
    }

    /** Weights in model.weights.npz: refused from Keras 3.9 on, unpickled unchecked before. */
    private Finding npz() {
        if (arguments.release().does(LoaderBehaviour.NPZ_WEIGHTS_UNPICKLED)) {
            return Finding.warning(NPZ_WEIGHTS)
                    .message("Keras " + arguments.release().version() + " unpickles "
                            + "model.weights.npz; kerasview does not read it, so its weights are "
                            + "not checked.")
                    .cause("The weights are stored as model.weights.npz, which holds pickled "
                            + "Python objects.")
                    .remedies("Never unpickle a file you do not trust; once loaded, save it "
                            + "again as .keras.")
                    .build();
        }
        return error(NPZ_WEIGHTS, "Cannot load file containing pickled data "
                        + "when allow_pickle=False",
                "The weights are stored as model.weights.npz, which holds pickled "
                        + "Python objects; Keras 3.9 and later refuse to unpickle them.",
                "Load it with the Keras version that wrote it and save it again as "
                        + ".keras (never unpickle a file you do not trust).");
    }

    /**
     * The functional-config forms this version's functional_from_config rejects; it reads them
     * after rebuilding every layer, so they come after the config checks' findings.
     */
    private List<Finding> versioned(JsonNode config) {
        return new VersionedObjectChecks(arguments.release()).endpoints(config);
    }

    private List<Finding> legacy(ModelFile m) {
        JsonNode config = config(m);
        if (config == null) {
            return List.of(error(NO_ARCHITECTURE, "No model config found in the file at "
                    + m.file().getFileName() + ".", "The HDF5 file has no readable "
                    + "model_config attribute.", Remedies.PAIR_ARCHITECTURE));
        }
        H5Group file = m.weights();
        if (file == null) {
            file = new H5Group("", Map.of(), List.of(), List.of(), null);
        }
        List<Finding> out = new ArrayList<>(new LegacyDiagnosis(catalog, arguments).fullModel(config,
                parse(m.trainingConfigJson()), file));
        out.addAll(versioned(config));
        return out;
    }

    private List<Finding> jsonWithWeights(ModelFile m) {
        JsonNode config = config(m);
        if (config == null) {
            return List.of(error(INVALID_CONFIG, "The JSON architecture is not valid JSON.",
                    "model_from_json cannot parse the file.", Remedies.REPAIR));
        }
        String weightsName = m.weightsFile() == null ? ""
                : m.weightsFile().getFileName().toString();
        H5Group weights = m.weights();
        if (suffix(weightsName, ".weights.h5") || suffix(weightsName, ".keras")
                || suffix(weightsName, ".weights.json")) {
            if (weights != null) {
                List<Finding> out = new ArrayList<>(new KerasArchiveDiagnosis(catalog, arguments)
                        .diagnose(config, weights));
                out.addAll(versioned(config));
                return out;
            }
        }
        List<Finding> out = new ArrayList<>(new KerasConfigChecks(catalog, arguments).check(config));
        out.addAll(versioned(config));
        if (out.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return out;
        }
        if (weights == null) {
            out.add(error(MISSING_WEIGHTS, "The weights file could not be read.",
                    "The weights file is missing or damaged.", Remedies.REPAIR));
            return out;
        }
        if (suffix(weightsName, ".h5") || suffix(weightsName, ".hdf5")) {
            H5Group group = weights.attributes().containsKey("layer_names")
                    || weights.attributes().containsKey("layer_names0") ? weights
                    : weights.group("model_weights").orElse(weights);
            out.addAll(new LegacyDiagnosis(catalog, arguments).weights(config, group,
                    Set.of()));
            return out;
        }
        out.add(error(WRONG_SUFFIX, "File format not supported: filepath=" + weightsName
                        + ". Keras 3 only supports V3 `.keras` and `.weights.h5` files, or "
                        + "legacy H5 format files (`.h5` extension).",
                "load_weights chooses its reader by the weights file's suffix.",
                Remedies.RENAME));
        return out;
    }

    private static Finding fileNotFound(String name, String cause) {
        return error(WRONG_SUFFIX, "File not found: filepath=" + name + ". Please "
                + "ensure the file is an accessible `.keras` zip file.", cause, Remedies.RENAME);
    }

    private static Finding error(FindingCode code, String message, String cause, String remedy) {
        return Finding.error(code)
                .message(message)
                .cause(cause)
                .remedies(remedy)
                .build();
    }

    /**
     * The model config: the tree the reader already parsed when it did (shared with the layer
     * tree, so read-only here), else the text parsed now, null when it is missing or invalid.
     */
    private static JsonNode config(ModelFile m) {
        return m.parsedConfig().tree(JsonNode.class).orElseGet(() -> parse(m.configJson()));
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return KerasJson.parse(json);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean suffix(String name, String s) {
        return name.toLowerCase(Locale.ROOT).endsWith(s);
    }
}
