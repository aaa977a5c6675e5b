package dev.kerasview.convert;

import dev.kerasview.formats.ArchitectureFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Why a weights-only file cannot be converted alone, naming the architecture files beside it. */
final class WeightsOnly {

    private WeightsOnly() {
    }

    /** The refusal for {@code weights}: what it lacks, and which file beside it may supply it. */
    static String message(Path weights) {
        String name = weights.getFileName().toString();
        String lacks = name + " holds weights only, no architecture";
        List<Path> beside = ArchitectureFiles.besides(weights);
        if (beside.isEmpty()) {
            return lacks + ", and no architecture file lies beside it: find the model.json, .keras or .h5 it"
                    + " was saved with and convert `kerasview convert MODEL.json --weights " + name + " --to keras`";
        }
        Path first = beside.get(0);
        String firstName = first.getFileName().toString();
        String how = firstName.toLowerCase(Locale.ROOT).endsWith(".json")
                ? "convert the pair: `kerasview convert " + firstName + " --weights " + name + " --to keras`"
                : "if these weights were saved from it, convert that file: `kerasview convert " + firstName
                        + " --to keras`";
        String others = beside.size() > 1 ? " (also beside it: " + String.join(", ",
                beside.subList(1, beside.size()).stream().map(p -> p.getFileName().toString()).toList()) + ")" : "";
        return lacks + ". " + firstName + " beside it may hold the architecture" + others + ": " + how;
    }
}
