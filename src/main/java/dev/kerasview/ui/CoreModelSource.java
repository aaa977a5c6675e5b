package dev.kerasview.ui;

import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import dev.kerasview.model.Finding;
import dev.kerasview.model.Severity;
import java.nio.file.Path;
import java.util.List;

/** Opens files through the core reader and diagnoser. */
final class CoreModelSource implements ModelSource {

    @Override
    public LoadedModel open(Path file, Path weightsOrNull) throws UnreadableFileException {
        OpenModel open = ModelReader.open(file, weightsOrNull);
        try {
            // until the diagnoser is on main, the reader's own problems are the findings
            List<Finding> findings = open.model().problems();
            boolean loads = findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
            return new LoadedModel(open, findings, loads);
        } catch (RuntimeException e) {
            open.close();
            throw e;
        }
    }
}
