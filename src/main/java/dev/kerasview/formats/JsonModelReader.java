package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import dev.kerasview.hdf5.H5TensorStore;
import dev.kerasview.model.FileFormat;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
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

/** Reads {@code model.json} (to_json) with its weights, or a sharded weights index alone. */
final class JsonModelReader {

    private final Path file;
    private final Path weights;
    private final ReaderOpenModel.Resources res;

    JsonModelReader(Path file, Path weights, ReaderOpenModel.Resources res) {
        this.file = file;
        this.weights = weights;
        this.res = res;
    }

    OpenModel read() throws UnreadableFileException, IOException {
        if (Files.size(file) > KerasJson.MAX_BYTES) {
            throw new UnreadableFileException(file, "is larger than " + KerasJson.MAX_BYTES
                    + " bytes and is refused");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode json = ConfigText.parseAny(file, text);
        H5TensorStore store = new H5TensorStore();
        List<Finding> problems = new ArrayList<>();
        if (ShardedWeights.isIndex(json)) {
            ShardedWeights sw = ShardedWeights.open(file, json, store, res);
            problems.addAll(sw.problems());
            String stem = file.getFileName().toString().replaceAll("(\\.weights)?\\.json$", "");
            LayerNode tree = sw.withShards(new TreeAssembler().buildWithoutConfig(sw.root(), stem, null));
            ModelFile mf = new ModelFile(file, null, FileFormat.SHARDED_WEIGHTS, null, null, null,
                    Files.size(file) + sw.shardBytes(), tree, null, null, WeightsLayout.KERAS3,
                    sw.root(), List.of(), problems);
            return new ReaderOpenModel(mf, store, res);
        }
        // parsed once, above: a weights index or, as here, a model config
        JsonNode config = ConfigText.modelConfig(file, "the JSON", json);
        Path w = weights != null ? weights : findWeights();
        if (w == null) {
            LayerNode tree = new TreeAssembler().build(config, null, null);
            problems.add(Findings.of(Severity.INFO, FindingCode.NO_WEIGHTS, null,
                    "no weights file was given or found beside the JSON",
                    "to_json() saves the architecture only",
                    "pass the weights file with --weights"));
            ModelFile mf = new ModelFile(file, null, FileFormat.JSON_ONLY, kerasVersion(config),
                    null, null, Files.size(file), tree, text, ParsedJson.of(config), null,
                    WeightsLayout.NONE, null, List.of(), problems);
            return new ReaderOpenModel(mf, store, res);
        }
        FileKind wk = FormatSniffer.sniff(w);
        H5Group root;
        LayerNode tree;
        long size = Files.size(file) + Files.size(w);
        if (wk == FileKind.JSON) {
            JsonNode idx = ConfigText.parseAny(w, Files.readString(w, StandardCharsets.UTF_8));
            if (!ShardedWeights.isIndex(idx)) {
                throw new UnreadableFileException(w, "is JSON but not a sharded weights index");
            }
            ShardedWeights sw = ShardedWeights.open(w, idx, store, res);
            problems.addAll(sw.problems());
            root = sw.root();
            tree = sw.withShards(new TreeAssembler().build(config, root, null));
            size += sw.shardBytes();
        } else if (wk == FileKind.HDF5) {
            H5Opener.Opened o = H5Opener.open(w, res);
            store.add(null, o.bytes(), o.tree());
            root = o.tree().root();
            tree = new TreeAssembler().build(config, root, null);
        } else {
            throw new UnreadableFileException(w, "is not an HDF5 weights file");
        }
        problems.addAll(Findings.damagedGroups(root));
        ModelFile mf = new ModelFile(file, w, FileFormat.JSON_WITH_WEIGHTS, kerasVersion(config),
                null, root.stringAttribute("backend"), size, tree, text, ParsedJson.of(config),
                null, TreeAssembler.layoutOf(root), root, List.of(), problems);
        return new ReaderOpenModel(mf, store, res);
    }

    private static String kerasVersion(JsonNode config) {
        JsonNode v = config.get("keras_version");
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private Path findWeights() {
        Path dir = file.toAbsolutePath().getParent();
        String stem = file.getFileName().toString().replaceAll("\\.json$", "");
        for (String candidate : new String[] {stem + ".weights.h5", stem + "_weights.h5",
                "model.weights.h5", stem + ".weights.json"}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
