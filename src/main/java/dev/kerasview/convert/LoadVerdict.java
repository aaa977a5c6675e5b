package dev.kerasview.convert;

import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import java.util.List;

/**
 * What the load replay predicts Keras 3.15.1 does with a written file.
 *
 * @param firstError   the first error Keras would raise, or null when it loads the file
 * @param requiredCode the custom classes and functions the loading code must provide
 */
public record LoadVerdict(Finding firstError, List<String> requiredCode) {

    /** Keras loads the file and it needs no code of the person's. */
    public static final LoadVerdict LOADS = new LoadVerdict(null, List.of());

    public LoadVerdict {
        requiredCode = List.copyOf(requiredCode);
    }

    /** The verdict a diagnosis gives. */
    public static LoadVerdict of(Diagnosis d) {
        Finding first = d.errors().stream().findFirst().orElse(null);
        return new LoadVerdict(first, d.requires().stream().map(Diagnosis.Requirement::name).toList());
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
