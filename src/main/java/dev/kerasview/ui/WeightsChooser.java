package dev.kerasview.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Asks the person which weights belong to an architecture JSON when that is not clear. */
@FunctionalInterface
public interface WeightsChooser {

    /**
     * Picks the weights for {@code json} among {@code candidates} (may be empty: then let the
     * person pick any file); empty leaves the choice to the reader, which pairs by Keras's
     * naming or opens the architecture alone.
     */
    Optional<Path> choose(Path json, List<Path> candidates);
}
