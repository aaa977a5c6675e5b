package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads HDF5 files: legacy full models, legacy weights-only files, Keras 3 weights files. */
final class HdfModelReader {

    private final Path file;
    private final Path weights;
    private final ReaderOpenModel.Resources res;

    HdfModelReader(Path file, Path weights, ReaderOpenModel.Resources res) {
        this.file = file;
        this.weights = weights;
        this.res = res;
    }

    OpenModel read() throws UnreadableFileException, IOException {
        H5Opener.Opened opened = H5Opener.open(file, res);
        H5Group root = opened.tree().root();
        H5TensorStore store = new H5TensorStore();
        store.add(null, opened.bytes(), opened.tree());
        List<Finding> problems = new ArrayList<>();
        String modelConfig = root.stringAttribute("model_config");
        String version = root.stringAttribute("keras_version");
        String backend = root.stringAttribute("backend");
        if (modelConfig != null) {
            addIfNotNull(problems, Findings.suffixMismatch(file, "a legacy HDF5 full model (.h5)",
                    ".h5", ".hdf5", ".h5py"));
            JsonNode config = ConfigText.parse(file, "the model_config attribute", modelConfig);
            H5Group layers = root.group("model_weights").orElse(root);
            if (version == null) {
                version = layers.stringAttribute("keras_version");
            }
            LayerNode tree = new TreeAssembler().build(config, root, null);
            problems.addAll(Findings.damagedGroups(root));
            ModelFile mf = new ModelFile(file, null, FileFormat.LEGACY_H5, version, null, backend,
                    Files.size(file), tree, modelConfig, ParsedJson.of(config),
                    root.stringAttribute("training_config"),
                    WeightsLayout.LEGACY, root, List.of(), problems);
            return new ReaderOpenModel(mf, store, res);
        }
        WeightsLayout layout = TreeAssembler.layoutOf(root);
        FileFormat format;
        if (layout == WeightsLayout.LEGACY) {
            format = FileFormat.LEGACY_WEIGHTS_H5;
            H5Group lr = TreeAssembler.legacyRoot(root);
            version = version != null ? version : lr.stringAttribute("keras_version");
            backend = backend != null ? backend : lr.stringAttribute("backend");
            if (ModelReader.suffix(file).equals(".keras")) {
                addIfNotNull(problems, Findings.suffixMismatch(file, "legacy HDF5 weights (.h5)",
                        ".h5", ".hdf5"));
            }
        } else {
            format = FileFormat.WEIGHTS_H5;
            addIfNotNull(problems, Findings.suffixMismatch(file, "Keras 3 weights (.weights.h5)",
                    ".weights.h5"));
            if (root.groups().isEmpty()) {
                problems.add(Findings.of(Severity.WARNING, FindingCode.NOT_KERAS_WEIGHTS, null,
                        "the HDF5 file has no groups: it holds no Keras weights",
                        "it is an HDF5 file, but not one Keras wrote"));
            }
        }
        String stem = file.getFileName().toString().replaceAll("(\\.weights)?\\.[^.]*$", "");
        LayerNode tree = new TreeAssembler().buildWithoutConfig(root, stem, null);
        problems.addAll(Findings.damagedGroups(root));
        problems.add(Findings.of(Severity.INFO, FindingCode.NO_ARCHITECTURE, null,
                "the file holds weights only; the structure shown comes from the weights groups",
                "weights files carry no model config",
                "open it together with the model's JSON (model.json --weights this file)"));
        ModelFile mf = new ModelFile(file, null, format, version, null, backend, Files.size(file),
                tree, null, null, layout, root, List.of(), problems);
        return new ReaderOpenModel(mf, store, res);
    }

    private static void addIfNotNull(List<Finding> list, Finding f) {
        if (f != null) {
            list.add(f);
        }
    }
}
