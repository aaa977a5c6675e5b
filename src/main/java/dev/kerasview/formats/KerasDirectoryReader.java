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
import java.util.stream.Stream;

/** Reads an unzipped {@code .keras} folder: config.json, metadata.json, model.weights.h5. */
final class KerasDirectoryReader {

    private final Path dir;
    private final ReaderOpenModel.Resources res;

    KerasDirectoryReader(Path dir, ReaderOpenModel.Resources res) {
        this.dir = dir;
        this.res = res;
    }

    OpenModel read() throws UnreadableFileException, IOException {
        Path configFile = dir.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw new UnreadableFileException(dir, "is a folder without config.json: not an "
                    + "unzipped .keras model");
        }
        if (Files.size(configFile) > KerasJson.MAX_BYTES) {
            throw new UnreadableFileException(dir, "config.json is larger than "
                    + KerasJson.MAX_BYTES + " bytes and is refused");
        }
        String text = Files.readString(configFile, StandardCharsets.UTF_8);
        JsonNode config = ConfigText.parse(dir, "config.json", text);
        String version = null;
        String date = null;
        Path meta = dir.resolve("metadata.json");
        if (Files.isRegularFile(meta) && Files.size(meta) < 1024 * 1024) {
            try {
                JsonNode m = KerasJson.parse(Files.readString(meta, StandardCharsets.UTF_8));
                version = m.path("keras_version").isTextual() ? m.get("keras_version").asText() : null;
                date = m.path("date_saved").isTextual() ? m.get("date_saved").asText() : null;
            } catch (IOException e) {
                // metadata.json is informative only.
            }
        }
        List<Finding> problems = new ArrayList<>();
        H5TensorStore store = new H5TensorStore();
        H5Group weights = null;
        WeightsLayout layout = WeightsLayout.NONE;
        Path h5 = dir.resolve("model.weights.h5");
        long size = Files.size(configFile);
        if (Files.isRegularFile(h5)) {
            H5Opener.Opened o = H5Opener.open(h5, res);
            store.add(null, o.bytes(), o.tree());
            weights = o.tree().root();
            layout = TreeAssembler.layoutOf(weights);
            size += Files.size(h5);
        } else if (Files.isRegularFile(dir.resolve("model.weights.npz"))) {
            layout = WeightsLayout.NPZ;
            problems.add(Findings.of(Severity.ERROR, FindingCode.NPZ_WEIGHTS, "model.weights.npz",
                    "the weights are in model.weights.npz, a pickle-based store that is not parsed",
                    "Keras 3.9 and later open npz weights without pickle, so they cannot load it"));
        } else {
            problems.add(Findings.of(Severity.ERROR, FindingCode.MISSING_WEIGHTS, null,
                    "Expected a model.weights.h5 or model.weights.npz file.",
                    "the folder has no weights store"));
        }
        LayerNode tree = new TreeAssembler().build(config, weights, null);
        problems.addAll(Findings.damagedGroups(weights));
        List<String> entries = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, 8)) {
            s.filter(Files::isRegularFile).forEach(p -> entries.add(dir.relativize(p).toString()
                    .replace('\\', '/')));
        }
        ModelFile mf = new ModelFile(dir, null, FileFormat.KERAS_DIRECTORY, version, date, null,
                size, tree, text, ParsedJson.of(config), null, layout, weights, entries, problems);
        return new ReaderOpenModel(mf, store, res);
    }
}
