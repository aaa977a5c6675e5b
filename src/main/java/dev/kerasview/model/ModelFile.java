package dev.kerasview.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything kerasview knows about one opened model file, without any tensor values.
 *
 * @param file               the file (or folder) the person opened
 * @param weightsFile        the separate weights file paired with it (model.json + weights),
 *                           or null
 * @param format             what kind of input it is, by content
 * @param kerasVersion       the Keras version that wrote it, or null
 * @param dateSaved          {@code date_saved} from metadata.json, or null
 * @param backend            the {@code backend} attribute of legacy files, or null
 * @param fileSize           bytes on disk (all parts)
 * @param root               the layer tree; its root is the model
 * @param configJson         the model architecture JSON exactly as stored (config.json,
 *                           {@code model_config}, model.json), or null
 * @param parsedConfig       the tree the reader parsed from {@code configJson}, shared with the
 *                           layer tree and never to be changed, or none when it was not parsed
 * @param trainingConfigJson the legacy {@code training_config} JSON, or null
 * @param weightsLayout      how the weights are laid out
 * @param weights            the structure of the weights store (for legacy .h5 the whole file),
 *                           or null when there is none
 * @param archiveEntries     names of the zip entries (or folder files) of a .keras, in order;
 *                           empty for other formats
 * @param problems           what went wrong while reading (damaged parts, a suffix that lies),
 *                           reported while the rest still shows
 */
public record ModelFile(Path file, Path weightsFile, FileFormat format, String kerasVersion,
                        String dateSaved, String backend, long fileSize, LayerNode root,
                        String configJson, ParsedJson parsedConfig, String trainingConfigJson,
                        WeightsLayout weightsLayout, H5Group weights, List<String> archiveEntries,
                        List<Finding> problems) {

    public ModelFile {
        parsedConfig = parsedConfig == null ? ParsedJson.none() : parsedConfig;
        archiveEntries = List.copyOf(archiveEntries);
        problems = List.copyOf(problems);
    }

    /** A model whose config text was not parsed on the way (built by hand, or read elsewhere). */
    public ModelFile(Path file, Path weightsFile, FileFormat format, String kerasVersion,
                     String dateSaved, String backend, long fileSize, LayerNode root,
                     String configJson, String trainingConfigJson, WeightsLayout weightsLayout,
                     H5Group weights, List<String> archiveEntries, List<Finding> problems) {
        this(file, weightsFile, format, kerasVersion, dateSaved, backend, fileSize, root,
                configJson, ParsedJson.none(), trainingConfigJson, weightsLayout, weights,
                archiveEntries, problems);
    }
}
