package dev.kerasview.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The file a prediction is about, shared by {@code diagnose} and {@code compat}: FILE, --weights, --json. */
final class PredictionInput {

    @Parameters(index = "0", paramLabel = "FILE",
            description = "model file (.keras, .h5, model.json) or unzipped .keras folder")
    Path file;

    @Option(names = "--weights", paramLabel = "W",
            description = "separate weights file (for a JSON architecture)")
    Path weights;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    /** True when the files named exist; else says which does not to {@code err}. */
    boolean exist(PrintWriter err) {
        if (!Files.exists(file)) {
            err.println("kerasview: " + file + ": no such file");
            return false;
        }
        if (weights != null && !Files.isRegularFile(weights)) {
            err.println("kerasview: " + weights + ": no such weights file");
            return false;
        }
        return true;
    }
}
