package dev.kerasview.formats;

import static dev.kerasview.model.FindingCode.BAD_METADATA;
import static dev.kerasview.model.FindingCode.DUPLICATE_ENTRY;
import static dev.kerasview.model.FindingCode.MISSING_WEIGHTS;
import static dev.kerasview.model.FindingCode.NPZ_WEIGHTS;
import static dev.kerasview.model.FindingCode.UNSAFE_ENTRY_NAME;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.archive.ArchiveIssue;
import dev.kerasview.archive.ZipArchive;
import dev.kerasview.archive.ZipEntryInfo;
import dev.kerasview.archive.ZipFormatException;
import dev.kerasview.config.KerasJson;
import dev.kerasview.hdf5.H5TensorStore;
import dev.kerasview.model.FileFormat;
import dev.kerasview.model.Finding;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.ParsedJson;
import dev.kerasview.model.Severity;
import dev.kerasview.model.WeightsLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a Keras 3 {@code .keras} zip through its central directory, weights mapped in place. */
final class KerasArchiveReader {

    private static final long METADATA_MAX = 1024 * 1024;
    private static final Set<String> KEY_ENTRIES = Set.of("config.json",
            "metadata.json", "model.weights.h5", "model.weights.npz");

    private final Path file;
    private final ReaderOpenModel.Resources res;

    KerasArchiveReader(Path file, ReaderOpenModel.Resources res) {
        this.file = file;
        this.res = res;
    }

    OpenModel read() throws UnreadableFileException, IOException {
        ZipArchive zip;
        try {
            zip = res.add(ZipArchive.open(file));
        } catch (ZipFormatException e) {
            throw new UnreadableFileException(file, "is not a readable zip archive: " + e.getMessage());
        }
        List<Finding> problems = new ArrayList<>();
        Finding suffix = Findings.suffixMismatch(file, "a zip archive (.keras)", ".keras");
        if (suffix != null) {
            problems.add(suffix);
        }
        for (ArchiveIssue i : zip.issues()) {
            refuseIfDangerous(i);
            problems.add(Findings.archive(i));
        }
        String configText = new String(entryBytes(zip, "config.json", KerasJson.MAX_BYTES, true),
                StandardCharsets.UTF_8);
        ConfigInBackground parsing = new ConfigInBackground(file, "config.json", configText);
        String kerasVersion = null;
        String dateSaved = null;
        H5TensorStore store = new H5TensorStore();
        H5Group weights = null;
        WeightsLayout layout = WeightsLayout.NONE;
        try {
            byte[] meta = entryBytes(zip, "metadata.json", METADATA_MAX, false);
            // parsed after the weights' structure: the first JSON parse waits for Jackson to be
            // set up, which the config thread is doing meanwhile; the finding keeps its place
            int metadataFinding = problems.size();
            Optional<ZipEntryInfo> h5 = zip.entry("model.weights.h5");
            Optional<ArchiveIssue> h5Blocked = zip.blockedReason("model.weights.h5");
            if (h5Blocked.isPresent()) {
                throw new UnreadableFileException(file, h5Blocked.get().message());
            }
            if (h5.isPresent()) {
                H5Opener.Opened opened = H5Opener.open(zip, h5.get(), res);
                weights = opened.tree().root();
                store.add(null, opened.bytes(), opened.tree());
                layout = TreeAssembler.layoutOf(weights);
            } else if (zip.entry("model.weights.npz").isPresent()
                    || zip.blockedReason("model.weights.npz").isPresent()) {
                layout = WeightsLayout.NPZ;
                problems.add(Findings.of(Severity.ERROR, NPZ_WEIGHTS, "model.weights.npz",
                        "the weights are in model.weights.npz, a pickle-based store that is not parsed",
                        "Keras 3.9 and later open npz weights without pickle, so they cannot load "
                                + "this file; pickles can also run code",
                        "re-save the model from the original code with the default .weights.h5 store"));
            } else {
                problems.add(Findings.of(Severity.ERROR, MISSING_WEIGHTS, null,
                        "Expected a model.weights.h5 or model.weights.npz file.",
                        "the archive has no weights store", "re-save the model with model.save()"));
            }
            if (meta != null) {
                try {
                    JsonNode m = KerasJson.parse(meta);
                    kerasVersion = m.path("keras_version").isTextual() ? m.get("keras_version").asText() : null;
                    dateSaved = m.path("date_saved").isTextual() ? m.get("date_saved").asText() : null;
                } catch (IOException e) {
                    problems.add(metadataFinding, Findings.of(Severity.WARNING, BAD_METADATA, "metadata.json",
                            "metadata.json is not valid JSON", "the archive was edited or damaged"));
                }
            }
        } catch (UnreadableFileException | IOException | RuntimeException | StackOverflowError e) {
            // a config.json that cannot be parsed is the reason given, as when it was parsed first
            parsing.get();
            throw e;
        }
        JsonNode config = parsing.get();
        LayerNode root = new TreeAssembler().build(config, weights, null);
        problems.addAll(Findings.damagedGroups(weights));
        List<String> names = new ArrayList<>();
        for (ZipEntryInfo e : zip.entries()) {
            names.add(e.name());
        }
        ModelFile mf = new ModelFile(file, null, FileFormat.KERAS_ARCHIVE, kerasVersion, dateSaved,
                null, Files.size(file), root, configText, ParsedJson.of(config), null, layout,
                weights, names, problems);
        return new ReaderOpenModel(mf, store, res);
    }

    /**
     * An archive with an entry that would write outside its folder, or with two copies of an
     * entry Keras reads, is refused: which copy is genuine cannot be told, and such archives
     * are made to attack extraction (the evil_keras corpus file duplicates its weights store).
     */
    private void refuseIfDangerous(ArchiveIssue i) throws UnreadableFileException {
        if (i.code() == UNSAFE_ENTRY_NAME) {
            throw new UnreadableFileException(file, "has an entry named '" + i.entry()
                    + "' that points outside the archive folder (path traversal); refused");
        }
        if (i.code() == DUPLICATE_ENTRY && KEY_ENTRIES.contains(i.entry())) {
            throw new UnreadableFileException(file, "holds entry '" + i.entry() + "' more than "
                    + "once, so which copy Keras reads is ambiguous (a sign of tampering); refused");
        }
    }

    private byte[] entryBytes(ZipArchive zip, String name, long max, boolean required)
            throws UnreadableFileException, IOException {
        Optional<ArchiveIssue> blocked = zip.blockedReason(name);
        if (blocked.isPresent()) {
            throw new UnreadableFileException(file, blocked.get().message());
        }
        Optional<ZipEntryInfo> e = zip.entry(name);
        if (e.isEmpty()) {
            if (required) {
                throw new UnreadableFileException(file, "is a zip archive without config.json: "
                        + "not a Keras .keras file");
            }
            return null;
        }
        if (e.get().uncompressedSize() > max) {
            throw new UnreadableFileException(file, name + " is " + e.get().uncompressedSize()
                    + " bytes, larger than the " + max + " accepted; it is refused");
        }
        try {
            return zip.readBytes(e.get(), max);
        } catch (ZipFormatException ex) {
            throw new UnreadableFileException(file, ex.getMessage());
        }
    }
}
