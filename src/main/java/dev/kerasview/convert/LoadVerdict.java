package dev.kerasview.convert;

import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import java.util.List;

/**
 * What the load replay predicts one Keras version does with a written file.
 *
 * @param firstError   the first error Keras would raise, or null when it loads the file
 * @param requiredCode the custom classes and functions the loading code must provide
 * @param keras        the Keras version whose load was replayed
 */
public record LoadVerdict(Finding firstError, List<String> requiredCode, String keras) {

    /** Keras (the newest modelled version) loads the file and it needs no code of the person's. */
    public static final LoadVerdict LOADS = new LoadVerdict(null, List.of(),
            new KerasVersionTable().newest().version().toString());

    public LoadVerdict {
        requiredCode = List.copyOf(requiredCode);
    }

    /** The verdict a diagnosis by {@code keras}'s load replay gives. */
    public static LoadVerdict of(Diagnosis d, String keras) {
        Finding first = d.errors().stream().findFirst().orElse(null);
        return new LoadVerdict(first, d.requires().stream().map(Diagnosis.Requirement::name).toList(), keras);
    }

    /** True when Keras would load the file (given the code it requires). */
    public boolean loads() {
        return firstError == null;
    }

    /** True when the only obstacle is a training configuration Keras cannot compile. */
    public boolean failsOnlyToCompile() {
        return firstError != null && firstError.code() == FindingCode.LEGACY_COMPILE;
    }

    /** The first error as one line ({@code CODE: message}), or null. */
    public String problemLine() {
        return firstError == null ? null
                : firstError.code().id() + ": " + firstError.message().lines().findFirst().orElse("");
    }
}
