package dev.kerasview.ui;

import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.Finding;
import dev.kerasview.model.ModelFile;
import java.util.List;

/**
 * An opened and diagnosed model as the window shows it.
 *
 * @param open     the opened file (values readable until closed)
 * @param findings every finding: reading problems and the diagnosis
 * @param loads    the prediction whether Keras loads the file
 */
public record LoadedModel(OpenModel open, List<Finding> findings, boolean loads) implements AutoCloseable {

    public LoadedModel {
        findings = List.copyOf(findings);
    }

    /** The structure of the file. */
    public ModelFile model() {
        return open.model();
    }

    @Override
    public void close() {
        open.close();
    }
}
