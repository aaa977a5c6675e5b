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
public record DiagnosedModel(OpenModel open, List<Finding> findings, boolean loads) implements ReadModel {

    public DiagnosedModel {
        findings = List.copyOf(findings);
    }

    /**
     * The model when the diagnosis itself broke: the tree is on screen already, so a defect
     * there must neither hide it nor pass for a sound file.
     */
    public static DiagnosedModel diagnosisFailed(OpenModel open, Throwable cause) {
        return new DiagnosedModel(open, List.of(Finding.internalError(ErrorMessages.describe(cause))),
                false);
    }

    /** The structure of the file. */
    public ModelFile model() {
        return open.model();
    }

    /** Itself: its diagnosis is already known. */
    @Override
    public DiagnosedModel diagnose() {
        return this;
    }

    @Override
    public void close() {
        open.close();
    }
}
