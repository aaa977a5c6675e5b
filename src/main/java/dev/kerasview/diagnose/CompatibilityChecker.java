package dev.kerasview.diagnose;

import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.catalog.KerasVersionTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Replays each modelled Keras version's load of one file ({@code kerasview compat}). */
public final class CompatibilityChecker {

    private final KerasVersionTable versions;

    /** Checks against every version of the table. */
    public CompatibilityChecker(KerasVersionTable versions) {
        this.versions = versions;
    }

    /**
     * The verdict of every version, oldest first; {@code limit} bounds each version's reading
     * of the file, as for {@code diagnose}.
     */
    public Compatibility check(Path file, Path weightsOrNull, Duration limit) {
        List<Compatibility.VersionVerdict> out = new ArrayList<>();
        for (KerasRelease r : versions.releases()) {
            Diagnosis d = new Diagnoser(versions, r).diagnose(file, weightsOrNull, limit);
            out.add(new Compatibility.VersionVerdict(r.version(), d));
        }
        return new Compatibility(file.getFileName().toString(), out);
    }
}
